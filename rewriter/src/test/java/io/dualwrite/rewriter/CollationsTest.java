package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Collations}: a {@code utf8mb4_0900_ai_ci} column sorts, compares and groups under the ICU
 * collation {@code dualwrite_ai_ci} when PostgreSQL has it, and folds case only otherwise.
 */
class CollationsTest {

  /** people(id, name utf8mb4_0900_ai_ci unique, code utf8mb4_general_ci). */
  private static final TableInfo PEOPLE =
      new TableInfo(
          "people",
          List.of(
              new ColumnInfo("id", "int", false, false, false, false),
              new ColumnInfo("name", "varchar(40)", true, false, false, true, false, true),
              new ColumnInfo("code", "varchar(10)", true, false, false, true, false, false)),
          List.of("id"),
          List.of(List.of("name")));

  private static Rewriter rewriter(boolean hasCollation) {
    return rewriter(hasCollation, null);
  }

  /** {@code defaultCollation}: the MySQL database's, which a CREATE TABLE naming none gets. */
  private static Rewriter rewriter(boolean hasCollation, String defaultCollation) {
    SchemaCatalog catalog =
        new SchemaCatalog() {
          @Override
          public Optional<TableInfo> table(String name) {
            return name.equalsIgnoreCase("people") ? Optional.of(PEOPLE) : Optional.empty();
          }

          @Override
          public boolean postgresHasCollation(String name) {
            return hasCollation && name.equals(Collations.AI_CI);
          }

          @Override
          public String mysqlDefaultCollation() {
            return defaultCollation;
          }
        };
    return Rewriter.builder().catalog(catalog).build();
  }

  private static List<String> ddl(boolean hasCollation, String defaultCollation, String mysql) {
    Translation t = rewriter(hasCollation, defaultCollation).translate(mysql);
    assertThat(t.refusal()).as(mysql).isNull();
    return List.of(t.postgresSql().split(";\n"));
  }

  private static final String MEMBERS =
      "CREATE TABLE members (id int PRIMARY KEY, email varchar(80) NOT NULL UNIQUE,"
          + " nick varchar(20), code varchar(10) COLLATE utf8mb4_general_ci,"
          + " tag varchar(10) COLLATE utf8mb4_bin, UNIQUE KEY (nick), KEY ix_code (code),"
          + " KEY ix_nick (nick(5)))";

  @Test
  void keysOnAccentInsensitiveColumnsAreUnderTheIcuCollation() {
    // the database's default is MySQL 8's: columns naming no collation get it
    assertThat(ddl(true, "utf8mb4_0900_ai_ci", MEMBERS))
        .containsExactly(
            "CREATE TABLE members (id integer PRIMARY KEY, email varchar(80) NOT NULL, nick"
                + " varchar(20), code varchar(10), tag varchar(10))",
            "CREATE UNIQUE INDEX members_email_ci ON members (email COLLATE dualwrite_ai_ci)",
            "CREATE UNIQUE INDEX members_nick ON members (nick COLLATE dualwrite_ai_ci)",
            "CREATE INDEX members_ix_code ON members (lower(code))",
            "CREATE INDEX members_ix_nick ON members ((left(nick, 5)) COLLATE dualwrite_ai_ci)");
    // a character set without a collation gets the set's default, whatever the table's
    assertThat(
            ddl(
                true,
                "utf8mb4_general_ci",
                "CREATE TABLE w (k varchar(20) CHARACTER SET utf8mb4, j varchar(20), UNIQUE KEY (k),"
                    + " UNIQUE KEY (j)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"))
        .contains(
            "CREATE UNIQUE INDEX w_k ON w (k COLLATE dualwrite_ai_ci)",
            "CREATE UNIQUE INDEX w_lowerj ON w (lower(j))");
    assertThat(
            ddl(
                true,
                "latin1_swedish_ci",
                "CREATE TABLE w (k varchar(20), UNIQUE KEY (k)) DEFAULT CHARSET=utf8mb4"))
        .contains("CREATE UNIQUE INDEX w_k ON w (k COLLATE dualwrite_ai_ci)");
    // the table's options name the collation
    assertThat(
            ddl(
                true,
                null,
                "CREATE TABLE t (a varchar(5), b varchar(5) CHARACTER SET latin1, UNIQUE KEY (a),"
                    + " UNIQUE KEY (b)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"))
        .contains(
            "CREATE UNIQUE INDEX t_a ON t (a COLLATE dualwrite_ai_ci)",
            "CREATE UNIQUE INDEX t_lowerb ON t (lower(b))");
    // a primary key keeps the column and adds the folded uniqueness
    assertThat(
            ddl(
                true,
                "utf8mb4_0900_ai_ci",
                "CREATE TABLE k (code varchar(8) NOT NULL, PRIMARY KEY (code))"))
        .containsExactly(
            "CREATE TABLE k (code varchar(8) NOT NULL, PRIMARY KEY (code))",
            "CREATE UNIQUE INDEX k_primary_ci ON k (code COLLATE dualwrite_ai_ci)");
    // the catalog's column, for a table MySQL has (what dualwrite-admin schema translates)
    assertThat(
            ddl(
                true,
                null,
                "CREATE TABLE people (id int, name varchar(40), code varchar(10), UNIQUE KEY"
                    + " (name), UNIQUE KEY (code))"))
        .contains(
            "CREATE UNIQUE INDEX people_name ON people (name COLLATE dualwrite_ai_ci)",
            "CREATE UNIQUE INDEX people_lowercode ON people (lower(code))");
    assertThat(pg(true, "CREATE UNIQUE INDEX u ON people (name, code)"))
        .isEqualTo(
            "CREATE UNIQUE INDEX people_u ON people (name COLLATE dualwrite_ai_ci, lower(code))");
    assertThat(pg(true, "ALTER TABLE people ADD UNIQUE KEY un (name)"))
        .isEqualTo("CREATE UNIQUE INDEX people_un ON people (name COLLATE dualwrite_ai_ci)");
    // the conflict target names the same key
    assertThat(
            pg(
                true,
                "INSERT INTO people (name, code) VALUES ('Müller', 'x') ON DUPLICATE KEY UPDATE code"
                    + " = 'y'"))
        .isEqualTo(
            "INSERT INTO people (name, code) VALUES ('Müller', 'x') ON CONFLICT (name COLLATE"
                + " dualwrite_ai_ci) DO UPDATE SET code = 'y'");
  }

  @Test
  void upperAndLowerRunUnderTheCaseMappingCollationWhenPostgresMapsAsciiOnly() {
    SchemaCatalog cLocale =
        new SchemaCatalog() {
          @Override
          public Optional<TableInfo> table(String name) {
            return name.equalsIgnoreCase("people") ? Optional.of(PEOPLE) : Optional.empty();
          }

          @Override
          public String postgresCaseCollation() {
            return "C.utf8";
          }
        };
    Rewriter r = Rewriter.builder().catalog(cLocale).build();
    assertThat(
            r.translate("SELECT UPPER(name), LCASE(CONCAT(name, code)) FROM people").postgresSql())
        .isEqualTo(
            "SELECT (upper((name) COLLATE \"C.utf8\") COLLATE \"default\"), (lower(((name ||"
                + " code)) COLLATE \"C.utf8\") COLLATE \"default\") FROM people");
    // against a case-sensitive column, by code point: "C" on both operands, which PostgreSQL
    // needs as the mapped text carries a collation of its own
    assertThat(
            r.translate("SELECT id FROM people WHERE UPPER(name) = name COLLATE utf8mb4_bin")
                .postgresSql())
        .isEqualTo(
            "SELECT id FROM people WHERE (rtrim((upper((name) COLLATE \"C.utf8\") COLLATE"
                + " \"default\"), ' ')) COLLATE \"C\" = (rtrim(name, ' ')) COLLATE \"C\"");
    // a database whose own upper() maps every letter: as before
    assertThat(pg(false, "SELECT UPPER(name) FROM people"))
        .isEqualTo("SELECT upper(name) FROM people");
  }

  @Test
  void withoutTheCollationKeysFoldCaseOnly() {
    assertThat(ddl(false, "utf8mb4_0900_ai_ci", MEMBERS))
        .contains(
            "CREATE UNIQUE INDEX members_email_ci ON members (lower(email))",
            "CREATE UNIQUE INDEX members_lowernick ON members (lower(nick))",
            "CREATE INDEX members_ix_nick ON members ((left(lower(nick), 5)))");
    // a MariaDB database (no default known): general_ci, folded
    assertThat(ddl(true, null, MEMBERS))
        .contains("CREATE UNIQUE INDEX members_email_ci ON members (lower(email))");
    assertThat(pg(false, "CREATE UNIQUE INDEX u ON people (name)"))
        .isEqualTo("CREATE UNIQUE INDEX people_u ON people (lower(name))");
  }

  private static String pg(boolean hasCollation, String mysql) {
    return rewriter(hasCollation).translate(mysql).postgresSql();
  }

  @Test
  void anAccentInsensitiveColumnSortsComparesAndGroupsUnderTheIcuCollation() {
    assertThat(pg(true, "SELECT id FROM people ORDER BY name, id"))
        .isEqualTo(
            "SELECT id FROM people ORDER BY ((name) COLLATE dualwrite_ai_ci) NULLS FIRST, id NULLS"
                + " FIRST");
    assertThat(pg(true, "SELECT id FROM people WHERE name = 'muller'"))
        .isEqualTo(
            "SELECT id FROM people WHERE ((name) COLLATE dualwrite_ai_ci) = (('muller') COLLATE"
                + " dualwrite_ai_ci)");
    assertThat(pg(true, "SELECT id FROM people WHERE name BETWEEN 'l' AND 'n'"))
        .isEqualTo(
            "SELECT id FROM people WHERE ((name) COLLATE dualwrite_ai_ci) BETWEEN (('l') COLLATE"
                + " dualwrite_ai_ci) AND (('n') COLLATE dualwrite_ai_ci)");
    assertThat(pg(true, "SELECT COUNT(*) FROM people GROUP BY name"))
        .isEqualTo("SELECT count(*) FROM people GROUP BY ((name) COLLATE dualwrite_ai_ci)");
    // LIKE fails under a nondeterministic collation: accents folded character by character
    assertThat(pg(true, "SELECT id FROM people WHERE name LIKE 'mu%'"))
        .startsWith("SELECT id FROM people WHERE lower(translate(name, '")
        .contains(" LIKE lower(translate('mu%', '");
  }

  @Test
  void caseNullifFieldAndAnyCompareUnderTheCollation() {
    assertThat(pg(true, "SELECT CASE name WHEN 'muller' THEN 1 END FROM people"))
        .isEqualTo(
            "SELECT CASE ((name) COLLATE dualwrite_ai_ci) WHEN (('muller') COLLATE dualwrite_ai_ci)"
                + " THEN 1 END FROM people");
    assertThat(pg(true, "SELECT NULLIF(name, 'MULLER') FROM people"))
        .isEqualTo(
            "SELECT CASE WHEN ((name) COLLATE dualwrite_ai_ci) = (('MULLER') COLLATE"
                + " dualwrite_ai_ci) THEN NULL ELSE name END FROM people");
    assertThat(pg(true, "SELECT FIELD(name, 'muller') FROM people"))
        .isEqualTo(
            "SELECT CASE WHEN name IS NULL THEN 0 WHEN ((name) COLLATE dualwrite_ai_ci) ="
                + " (('muller') COLLATE dualwrite_ai_ci) THEN 1 ELSE 0 END FROM people");
    assertThat(pg(false, "SELECT id FROM people WHERE name <> ALL (SELECT code FROM people)"))
        .isEqualTo(
            "SELECT id FROM people WHERE lower(name) <> ALL (SELECT lower(CAST(dw_in.v AS text))"
                + " FROM (SELECT code FROM people) AS dw_in(v))");
    // not text: as written
    assertThat(pg(true, "SELECT NULLIF(id, 3) FROM people WHERE id = ANY (SELECT id FROM people)"))
        .isEqualTo("SELECT nullif(id, 3) FROM people WHERE id = ANY (SELECT id FROM people)");
  }

  @Test
  void withoutTheCollationOrForAnotherCiCollationCaseIsFoldedOnly() {
    assertThat(pg(false, "SELECT id FROM people ORDER BY name"))
        .isEqualTo("SELECT id FROM people ORDER BY lower(name) NULLS FIRST");
    assertThat(pg(false, "SELECT COUNT(*) FROM people GROUP BY name"))
        .isEqualTo("SELECT count(*) FROM people GROUP BY lower(name)");
    // utf8mb4_general_ci: per-character weights no ICU collation gives
    assertThat(pg(true, "SELECT id FROM people WHERE code = 'x' ORDER BY code"))
        .isEqualTo(
            "SELECT id FROM people WHERE lower(code) = lower('x') ORDER BY lower(code) NULLS"
                + " FIRST");
  }

  @Test
  void unionGreatestAndDerivedColumnsCompareUnderTheCollation() {
    // UNION's duplicates are removed, and its rows sorted, under the collation
    assertThat(pg(true, "SELECT name FROM people UNION SELECT 'zoe' ORDER BY 1"))
        .isEqualTo(
            "SELECT (array_agg(dw_union.name ORDER BY dw_union.dw_b))[1] AS name FROM (SELECT 1"
                + " AS dw_b, name FROM people UNION ALL SELECT 2 AS dw_b, 'zoe') AS"
                + " dw_union(dw_b, name) GROUP BY ((dw_union.name) COLLATE dualwrite_ai_ci)"
                + " ORDER BY min(((dw_union.name) COLLATE dualwrite_ai_ci)) NULLS FIRST");
    assertThat(pg(false, "SELECT name FROM people UNION SELECT 'zoe' ORDER BY 1"))
        .contains("GROUP BY lower(dw_union.name) ORDER BY lower(min(dw_union.name))");
    // of equal values MySQL's GREATEST gives the last, PostgreSQL's the first: reversed
    assertThat(pg(true, "SELECT GREATEST(name, 'm') FROM people"))
        .isEqualTo(
            "SELECT CASE WHEN name IS NULL OR 'm' IS NULL THEN NULL ELSE (greatest((('m') COLLATE"
                + " dualwrite_ai_ci), ((name) COLLATE dualwrite_ai_ci)) COLLATE \"default\") END"
                + " FROM people");
    // a column of another collation among them: MySQL compares as binary, as written
    assertThat(pg(true, "SELECT GREATEST(name, code) FROM people"))
        .endsWith("ELSE greatest(name, code) END FROM people");
    assertThat(pg(false, "SELECT LEAST(name, 'm') FROM people"))
        .isEqualTo(
            "SELECT CASE WHEN name IS NULL OR 'm' IS NULL THEN NULL ELSE (SELECT dw_m.v FROM"
                + " (VALUES (1, name), (2, 'm')) AS dw_m(i, v) ORDER BY lower(dw_m.v), dw_m.i"
                + " LIMIT 1) END FROM people");
    assertThat(pg(true, "SELECT GREATEST(id, 3) FROM people"))
        .endsWith("ELSE greatest(id, 3) END FROM people");
    // a derived table's or WITH query's column has the collation of the column it selects
    assertThat(pg(true, "SELECT t.n FROM (SELECT name AS n FROM people) t ORDER BY t.n"))
        .isEqualTo(
            "SELECT t.n FROM (SELECT name AS n FROM people) AS t ORDER BY ((t.n) COLLATE"
                + " dualwrite_ai_ci) NULLS FIRST");
    assertThat(pg(true, "WITH c AS (SELECT name AS n FROM people) SELECT n FROM c WHERE n = 'x'"))
        .isEqualTo(
            "WITH c AS (SELECT name AS n FROM people) SELECT n FROM c WHERE ((n) COLLATE"
                + " dualwrite_ai_ci) = (('x') COLLATE dualwrite_ai_ci)");
    assertThat(pg(true, "SELECT GROUP_CONCAT(DISTINCT name) FROM people"))
        .contains("DISTINCT ON (((dw_v1) COLLATE dualwrite_ai_ci))");
  }

  @Test
  void unionAllOrderBinaryOperandsAndLiteralsFollowMysqlsCollations() {
    // ORDER BY over a UNION ALL names output columns: sorted under the collation of what they are
    assertThat(
            pg(true, "SELECT name AS n FROM people UNION ALL SELECT code FROM people ORDER BY n"))
        .isEqualTo(
            "SELECT * FROM (SELECT name AS n FROM people UNION ALL SELECT code FROM people) AS"
                + " dw_sorted ORDER BY ((n) COLLATE dualwrite_ai_ci) NULLS FIRST");
    // against BINARY 'x' a column's bytes are compared
    assertThat(pg(true, "SELECT id FROM people WHERE name = BINARY 'Müller'"))
        .isEqualTo(
            "SELECT id FROM people WHERE convert_to(name, 'UTF8') = convert_to('Müller', 'UTF8')");
    // two literals: the connection's collation, utf8mb4_0900_ai_ci where that is MySQL's default
    assertThat(rewriter(true, "utf8mb4_0900_ai_ci").translate("SELECT 'a' = 'Á'").postgresSql())
        .isEqualTo(
            "SELECT CAST(((('a') COLLATE dualwrite_ai_ci) = (('Á') COLLATE dualwrite_ai_ci)) AS"
                + " integer)");
    assertThat(rewriter(true, null).translate("SELECT 'a' = 'Á'").postgresSql())
        .isEqualTo("SELECT CAST((lower('a') = lower('Á')) AS integer)");
  }
}
