package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.Binding.AppParameter;
import io.dualwrite.rewriter.Binding.ComputedValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Translations of the constructs a new user's trial ran into (trial findings, by number). */
class TrialFindingsTranslationTest {

  private static final String JSON_BIND =
      "(SELECT CASE jsonb_typeof(v) WHEN 'boolean' THEN to_jsonb(CAST(CAST(v AS boolean) AS int))"
          + " ELSE v END FROM (SELECT to_jsonb(ARRAY[?]) -> 0) AS dw_json(v))";

  static final SchemaCatalog CATALOG =
      SchemaCatalog.of(
          new TableInfo(
              "audit",
              List.of(
                  new ColumnInfo("id", "bigint(20)", false, true, false, false),
                  new ColumnInfo("entity", "varchar(40)", false, false, false, true),
                  col("details", "json"),
                  new ColumnInfo("created_at", "timestamp", false, false, false, false, true),
                  new ColumnInfo("updated_at", "timestamp", false, false, true, false, true)),
              List.of("id"),
              List.of()),
          new TableInfo(
              "events",
              List.of(
                  new ColumnInfo("id", "bigint(20)", false, true, false, false),
                  col("ticket_id", "int(11)"),
                  new ColumnInfo("at", "timestamp(3)", false, false, false, false, true)),
              List.of("id"),
              List.of()),
          new TableInfo(
              "docs",
              List.of(
                  col("id", "int(11)"),
                  col("doc", "json"),
                  new ColumnInfo("name", "varchar(20)", true, false, false, true)),
              List.of("id"),
              List.of()));

  static final Rewriter REWRITER = Rewriter.builder().catalog(CATALOG).build();

  // finding 2

  @Test
  void pinnedMysqlStatementBindsTheParameterInsideJsonObject() {
    Translation t =
        REWRITER.translate(
            "INSERT INTO audit (entity, details) VALUES ('order', JSON_OBJECT('id', ?))");
    assertThat(t.isRefused()).isFalse();
    PinnedStatement p = t.pinned();
    assertThat(p.mysqlSql())
        .isEqualTo(
            "INSERT INTO audit (entity, details, created_at, updated_at) VALUES ('order',"
                + " JSON_OBJECT('id', ?), CAST(? AS DATETIME), CAST(? AS DATETIME))");
    assertThat(p.mysqlBindings())
        .containsExactly(new AppParameter(0), new ComputedValue(0), new ComputedValue(0));
    assertThat(p.postgresBindings())
        .containsExactly(new AppParameter(0), new ComputedValue(0), new ComputedValue(0));
  }

  @Test
  void pinnedMysqlStatementBindsParametersAndClockCallsInsideJsonArray() {
    Translation t =
        REWRITER.translate("INSERT INTO audit (entity, details) VALUES (?, JSON_ARRAY(?, NOW()))");
    PinnedStatement p = t.pinned();
    assertThat(p.mysqlSql())
        .isEqualTo(
            "INSERT INTO audit (entity, details, created_at, updated_at) VALUES (?,"
                + " JSON_ARRAY(?, CAST(? AS DATETIME)), CAST(? AS DATETIME), CAST(? AS DATETIME))");
    assertThat(p.mysqlBindings())
        .containsExactly(
            new AppParameter(0),
            new AppParameter(1),
            new ComputedValue(0),
            new ComputedValue(0),
            new ComputedValue(0));
    assertThat(p.postgresBindings()).isEqualTo(p.mysqlBindings());
  }

  // finding 10

  @Test
  void insertSelectPinsTheOmittedClockDefault() {
    Translation t =
        REWRITER.translate(
            "INSERT INTO events (ticket_id) SELECT id FROM tickets WHERE status = 'open' ORDER BY"
                + " id");
    assertThat(t.nonDeterministicCalls()).containsExactly(new NonDeterministicCall("NOW", 3));
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "INSERT INTO events (ticket_id, at) SELECT id, CAST(? AS DATETIME(3)) FROM tickets"
                + " WHERE status = 'open' ORDER BY id");
    assertThat(t.pinned().postgresSql())
        .isEqualTo(
            "INSERT INTO events (ticket_id, at) SELECT id, CAST(? AS timestamp(3)) FROM tickets"
                + " WHERE status = 'open' ORDER BY id NULLS FIRST");
    assertThat(t.pinned().postgresBindings()).containsExactly(new ComputedValue(0));
  }

  @Test
  void insertSelectUnionPinsTheClockDefaultInEveryBranch() {
    Translation t =
        REWRITER.translate(
            "INSERT INTO events (ticket_id) SELECT id FROM a UNION SELECT id FROM b");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "INSERT INTO events (ticket_id, at) SELECT id, CAST(? AS DATETIME(3)) FROM a UNION"
                + " SELECT id, CAST(? AS DATETIME(3)) FROM b");
    assertThat(t.pinned().mysqlBindings())
        .containsExactly(new ComputedValue(0), new ComputedValue(0));
  }

  @Test
  void insertSelectSupplyingTheClockColumnIsLeftAlone() {
    Translation t =
        REWRITER.translate("INSERT INTO events (ticket_id, at) SELECT id, created FROM tickets");
    assertThat(t.pinned()).isNull();
    assertThat(t.postgresSql())
        .isEqualTo("INSERT INTO events (ticket_id, at) SELECT id, created FROM tickets");
  }

  // findings 11 and 13

  @Test
  void jsonObjectOfABindKeepsTheBoundType() {
    assertThat(
            REWRITER
                .translate("INSERT INTO docs (id, doc) VALUES (?, JSON_OBJECT('n', ?))")
                .postgresSql())
        .isEqualTo(
            "INSERT INTO docs (id, doc) VALUES (?, jsonb_build_object('n', " + JSON_BIND + "))");
  }

  @Test
  void jsonArrayOfBindsLetsPostgresTypeEachParameter() {
    Translation t = REWRITER.translate("INSERT INTO docs (id, doc) VALUES (?, JSON_ARRAY(?, ?))");
    assertThat(t.postgresSql())
        .isEqualTo(
            "INSERT INTO docs (id, doc) VALUES (?, jsonb_build_array("
                + JSON_BIND
                + ", "
                + JSON_BIND
                + "))");
    assertThat(t.parameterMap()).containsExactly(0, 1, 2);
  }

  // finding 12

  @Test
  void textExpressionIntoAJsonColumnIsCastToJsonb() {
    assertThat(
            REWRITER
                .translate("INSERT INTO docs (id, doc) VALUES (1, CONCAT('[', 1, ', ', 2, ']'))")
                .postgresSql())
        .isEqualTo(
            "INSERT INTO docs (id, doc) VALUES (1, CAST(('[' || CAST(1 AS text) || ', ' ||"
                + " CAST(2 AS text) || ']') AS jsonb))");
    assertThat(
            REWRITER
                .translate("UPDATE docs SET doc = CONCAT('[\"', name, '\"]') WHERE id = 2")
                .postgresSql())
        .isEqualTo("UPDATE docs SET doc = CAST(('[\"' || name || '\"]') AS jsonb) WHERE id = 2");
  }

  @Test
  void literalsParametersAndJsonValuesIntoAJsonColumnAreNotCast() {
    assertThat(
            REWRITER
                .translate("UPDATE docs SET doc = '[]', doc = ?, doc = NULL WHERE id = 2")
                .postgresSql())
        .isEqualTo("UPDATE docs SET doc = '[]', doc = ?, doc = NULL WHERE id = 2");
    assertThat(
            REWRITER
                .translate("INSERT INTO docs (id, doc) VALUES (1, JSON_ARRAY(1))")
                .postgresSql())
        .isEqualTo("INSERT INTO docs (id, doc) VALUES (1, jsonb_build_array(1))");
  }

  // finding 15

  @Test
  void jsonValueComparedForEqualityWithAScalarComparesJsonValues() {
    assertThat(
            REWRITER
                .translate(
                    "SELECT id FROM docs WHERE JSON_EXTRACT(doc, '$.n') = 5 AND"
                        + " JSON_EXTRACT(doc, '$.s') <> 'x' AND 1.5 = doc->'$.d'")
                .postgresSql())
        .isEqualTo(
            "SELECT id FROM docs WHERE (doc #> '{n}') = to_jsonb(5) AND (doc #> '{s}') <>"
                + " to_jsonb(CAST('x' AS text)) AND to_jsonb(1.5) = (doc #> '{d}')");
    assertThat(
            REWRITER
                .translate("SELECT id FROM docs WHERE JSON_EXTRACT(doc, '$.n') = ?")
                .postgresSql())
        .isEqualTo("SELECT id FROM docs WHERE (doc #> '{n}') = " + JSON_BIND);
  }

  @Test
  void jsonValueOrderedAgainstANumberFollowsMysqlsTypePrecedence() {
    // numerically against a JSON number; otherwise MySQL ranks JSON null below any number and a
    // string, object, array or boolean above (jsonb's own order differs: not used)
    assertThat(
            REWRITER
                .translate("SELECT id FROM docs WHERE JSON_EXTRACT(doc, '$.n') > 5")
                .postgresSql())
        .isEqualTo(
            "SELECT id FROM docs WHERE (SELECT CASE jsonb_typeof(dw_j) WHEN 'number' THEN"
                + " CAST(dw_j AS numeric) > 5 WHEN 'null' THEN FALSE WHEN 'string' THEN TRUE"
                + " WHEN 'object' THEN TRUE WHEN 'array' THEN TRUE WHEN 'boolean' THEN TRUE END"
                + " FROM (SELECT (doc #> '{n}')) AS dw_cmp(dw_j))");
    assertThat(
            REWRITER
                .translate("SELECT id FROM docs WHERE -2.5 >= JSON_EXTRACT(doc, '$.n')")
                .postgresSql())
        .isEqualTo(
            "SELECT id FROM docs WHERE (SELECT CASE jsonb_typeof(dw_j) WHEN 'number' THEN -2.5"
                + " >= CAST(dw_j AS numeric) WHEN 'null' THEN TRUE WHEN 'string' THEN FALSE"
                + " WHEN 'object' THEN FALSE WHEN 'array' THEN FALSE WHEN 'boolean' THEN FALSE END"
                + " FROM (SELECT (doc #> '{n}')) AS dw_cmp(dw_j))");
  }

  @Test
  void jsonValueComparedWithTrueIsComparedWithJsonTrue() {
    assertThat(
            REWRITER
                .translate("SELECT id FROM docs WHERE JSON_EXTRACT(doc, '$.b') = TRUE")
                .postgresSql())
        .isEqualTo("SELECT id FROM docs WHERE (doc #> '{b}') = 'true'::jsonb");
    assertThat(
            REWRITER
                .translate("SELECT id FROM docs WHERE false <> JSON_EXTRACT(doc, '$.b')")
                .postgresSql())
        .isEqualTo("SELECT id FROM docs WHERE (doc #> '{b}') <> 'false'::jsonb");
  }

  // finding 16

  @Test
  void jsonSetBecomesGuardedJsonbSetPerPair() {
    assertThat(
            REWRITER
                .translate(
                    "UPDATE docs SET doc = JSON_SET(doc, '$.b', 2, '$.c.d', 'x') WHERE id = 1")
                .postgresSql())
        .isEqualTo(
            "UPDATE docs SET doc = CAST((SELECT CASE WHEN jsonb_typeof(dw_doc) = 'object' AND"
                + " jsonb_typeof(dw_doc #> '{c}') IS DISTINCT FROM 'array' THEN jsonb_set(dw_doc,"
                + " '{c,d}', (jsonb_build_array('x') -> 0), true) ELSE dw_doc END FROM (SELECT"
                + " (SELECT CASE WHEN jsonb_typeof(dw_doc) = 'object' THEN jsonb_set(dw_doc, '{b}',"
                + " (jsonb_build_array(2) -> 0), true) ELSE dw_doc END FROM (SELECT doc) AS"
                + " dw_set(dw_doc))) AS dw_set(dw_doc)) AS jsonb) WHERE id = 1");
  }

  @Test
  void jsonSetWithAnArrayPositionIsTranslatedAndAWildcardRefused() {
    // positions are executed against MySQL in json-documents.sql (json-set-positions)
    assertThat(REWRITER.translate("UPDATE docs SET doc = JSON_SET(doc, '$.a[1]', 2)").isRefused())
        .isFalse();
    Translation t = REWRITER.translate("UPDATE docs SET doc = JSON_SET(doc, '$.a[*]', 2)");
    assertThat(t.isRefused()).isTrue();
    assertThat(t.refusal().code()).isEqualTo("unsupported-function:JSON_SET");
    assertThat(t.refusal().reason()).contains("$.a[*]");
  }

  @Test
  void jsonLengthCountsMembersElementsOrOneScalar() {
    assertThat(REWRITER.translate("SELECT JSON_LENGTH(doc, '$.a') FROM docs").postgresSql())
        .isEqualTo(
            "SELECT (SELECT CASE jsonb_typeof(dw_doc) WHEN 'array' THEN jsonb_array_length(dw_doc)"
                + " WHEN 'object' THEN CAST((SELECT count(*) FROM jsonb_object_keys(dw_doc)) AS int)"
                + " ELSE 1 END FROM (SELECT (doc #> '{a}')) AS dw_len(dw_doc) WHERE dw_doc IS NOT"
                + " NULL) FROM docs");
  }

  @Test
  void jsonContainsOfAScalarWalksNestedArrays() {
    assertThat(REWRITER.translate("SELECT JSON_CONTAINS(doc, '3') FROM docs").postgresSql())
        .isEqualTo(
            "SELECT (SELECT CAST(EXISTS (WITH RECURSIVE dw_e1(v) AS (SELECT dw_t UNION ALL SELECT"
                + " dw_x.v FROM dw_e1, jsonb_array_elements(CASE WHEN jsonb_typeof(dw_e1.v) ="
                + " 'array' THEN dw_e1.v ELSE '[]'::jsonb END) AS dw_x(v)) SELECT 1 FROM dw_e1 WHERE"
                + " dw_e1.v = CAST('3' AS jsonb)) AS integer) FROM (SELECT doc) AS"
                + " dw_contains(dw_t) WHERE dw_t IS NOT NULL) FROM docs");
  }

  @Test
  void jsonContainsOfAnObjectCandidateIsUnrolledOverItsKeys() {
    // an object is found in the target or in an element of its arrays, each key's value contained
    assertThat(
            REWRITER.translate("SELECT JSON_CONTAINS(doc, '{\"a\": [1]}') FROM docs").postgresSql())
        .contains("jsonb_typeof(dw_e1.v) = 'object' AND (dw_e1.v -> 'a') IS NOT NULL AND")
        .contains("(jsonb_typeof((dw_e1.v -> 'a')) = 'array' AND EXISTS (WITH RECURSIVE dw_e2(v)")
        .contains("dw_e2.v = CAST('1' AS jsonb)");
  }

  @Test
  void jsonContainsOfABoundComputedOrInvalidCandidateIsRefusedWithTheReason() {
    for (String candidate : List.of("?", "CONCAT('3', '')", "'[3'", "'{\"a\" 1}'")) {
      Translation t = REWRITER.translate("SELECT JSON_CONTAINS(doc, " + candidate + ") FROM docs");
      assertThat(t.refusal()).as(candidate).isNotNull();
      assertThat(t.refusal().code()).isEqualTo("unsupported-function:JSON_CONTAINS");
      assertThat(t.refusal().reason()).contains("structure");
    }
  }

  @Test
  void jsonKeysListsAnObjectsKeysInJsonbsOrder() {
    assertThat(REWRITER.translate("SELECT JSON_KEYS(doc, '$.a') FROM docs").postgresSql())
        .isEqualTo(
            "SELECT (SELECT CASE WHEN jsonb_typeof(dw_doc) = 'object' THEN COALESCE((SELECT"
                + " jsonb_agg(dw_k.k ORDER BY dw_k.i) FROM jsonb_object_keys(dw_doc) WITH"
                + " ORDINALITY AS dw_k(k, i)), '[]'::jsonb) END FROM (SELECT (doc #> '{a}')) AS"
                + " dw_keys(dw_doc)) FROM docs");
  }

  // findings 21 and 23

  @Test
  void distinctOrderedByACaseInsensitiveColumnGroupsItsCaseVariantsAndSortsThem() {
    // DISTINCT over a _ci column is a GROUP BY lower(col), which may order by lower(min(col))
    assertThat(
            REWRITER
                .translate("SELECT DISTINCT d.name FROM docs d ORDER BY d.name DESC LIMIT 3")
                .postgresSql())
        .isEqualTo(
            "SELECT (array_agg(d.name ORDER BY d.id))[1] AS name FROM docs AS d GROUP BY lower(d.name)"
                + " ORDER BY lower((array_agg(d.name ORDER BY d.id))[1]) DESC NULLS LAST LIMIT 3");
  }

  @Test
  void distinctOrderedByAPlainColumnIsUnchanged() {
    assertThat(REWRITER.translate("SELECT DISTINCT id FROM docs ORDER BY id").postgresSql())
        .isEqualTo("SELECT DISTINCT id FROM docs ORDER BY id NULLS FIRST");
  }

  @Test
  void unionOrderedByACaseInsensitiveColumnSortsOverADerivedTable() {
    assertThat(
            REWRITER
                .translate(
                    "SELECT name FROM docs WHERE id = 1 UNION ALL SELECT name FROM docs ORDER BY name")
                .postgresSql())
        .isEqualTo(
            "SELECT * FROM (SELECT name FROM docs WHERE id = 1 UNION ALL SELECT name FROM docs) AS"
                + " dw_sorted ORDER BY lower(name) NULLS FIRST");
  }

  // finding 26

  @Test
  void havingOnSelectAliasesUsesTheirExpressions() {
    assertThat(
            REWRITER
                .translate(
                    "SELECT id, COUNT(*) AS n, SUM(id) AS total FROM docs GROUP BY id HAVING n > 1"
                        + " AND total > 0")
                .postgresSql())
        .isEqualTo(
            "SELECT id, count(*) AS n, sum(id) AS total FROM docs GROUP BY id HAVING (count(*)) > 1"
                + " AND (sum(id)) > 0");
  }

  @Test
  void havingPrefersAGroupByColumnOrATableColumnOverAnAlias() {
    // MySQL: a GROUP BY column of the same name wins over the alias
    assertThat(
            REWRITER
                .translate("SELECT COUNT(*) AS id FROM docs GROUP BY id HAVING id > 1")
                .postgresSql())
        .isEqualTo("SELECT count(*) AS id FROM docs GROUP BY id HAVING id > 1");
    assertThat(
            REWRITER
                .translate("SELECT COUNT(*) AS doc FROM docs GROUP BY id HAVING COUNT(doc) > 1")
                .postgresSql())
        .isEqualTo("SELECT count(*) AS doc FROM docs GROUP BY id HAVING count(doc) > 1");
  }

  // finding 14

  @Test
  void orderBySetColumnSortsByTheMembersBitValue() {
    Rewriter r =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "tickets",
                        List.of(
                            col("id", "int(11)"), col("labels", "set('bug','billing','it''s')")),
                        List.of("id"),
                        List.of())))
            .build();
    assertThat(r.translate("SELECT id FROM tickets ORDER BY labels DESC").postgresSql())
        .isEqualTo(
            "SELECT id FROM tickets ORDER BY (CAST(strpos(',' || lower(CAST(labels AS text)) ||"
                + " ',', ',bug,') > 0 AS int) * 1 + CAST(strpos(',' || lower(CAST(labels AS text))"
                + " || ',', ',billing,') > 0 AS int) * 2 + CAST(strpos(',' || lower(CAST(labels AS"
                + " text)) || ',', ',it''s,') > 0 AS int) * 4) DESC NULLS LAST");
  }

  // findings 27-30

  @Test
  void columnLevelChecksAreKept() {
    assertThat(
            REWRITER
                .translate(
                    "CREATE TABLE scores (id INT NOT NULL PRIMARY KEY, score INT NOT NULL DEFAULT 0"
                        + " CHECK (score >= 0), grade CHAR(1) CONSTRAINT ck_grade CHECK (grade IN"
                        + " ('A', 'B')))")
                .postgresSql())
        .isEqualTo(
            "CREATE TABLE scores (id integer NOT NULL PRIMARY KEY, score integer NOT NULL DEFAULT 0"
                + " CHECK ((score >= 0)), grade character(1) CONSTRAINT ck_grade CHECK ((grade IN ('A',"
                + " 'B'))))");
  }

  @Test
  void keysAfterAFulltextKeyKeepTheirKind() {
    String pg =
        REWRITER
            .translate(
                "CREATE TABLE posts (id INT NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL, body"
                    + " TEXT, FULLTEXT KEY ft (title, body), UNIQUE KEY uq_title (title), KEY k"
                    + " (id))")
            .postgresSql();
    assertThat(pg.split(";\n"))
        .containsExactly(
            "CREATE TABLE posts (id integer NOT NULL PRIMARY KEY, title varchar(100) NOT NULL, body"
                + " text)",
            "CREATE UNIQUE INDEX posts_uq_title ON posts (lower(title))",
            "CREATE INDEX posts_k ON posts (id)",
            "CREATE INDEX posts_ft ON posts USING gin (to_tsvector('simple', coalesce(title, '')"
                + " || ' ' || coalesce(body, '')))");
  }

  @Test
  void fulltextLastLeavesOtherTablesAlone() {
    assertThat(PreParseRewrites.fulltextLast("CREATE TABLE t (a INT, FULLTEXT KEY f (b))"))
        .isNull();
    assertThat(PreParseRewrites.fulltextLast("CREATE TABLE t (a INT, KEY k (a))")).isNull();
    assertThat(
            PreParseRewrites.fulltextLast(
                "CREATE TABLE t (a INT, FULLTEXT f (b, c), CHECK (a IN (1, 2)), b TEXT) ENGINE=x"))
        .isEqualTo(
            "CREATE TABLE t (a INT, CHECK (a IN (1, 2)), b TEXT, FULLTEXT f (b, c)) ENGINE=x");
  }

  @Test
  void dropForeignKeyDropsTheConstraint() {
    Translation t = REWRITER.translate("ALTER TABLE child DROP FOREIGN KEY fk_child_parent");
    assertThat(t.kind()).isEqualTo(StatementKind.DDL);
    assertThat(t.postgresSql()).isEqualTo("ALTER TABLE child DROP CONSTRAINT fk_child_parent");
  }

  @Test
  void renameIndexRenamesTheTablePrefixedIndex() {
    assertThat(REWRITER.translate("ALTER TABLE posts RENAME INDEX k TO k2").postgresSql())
        .isEqualTo("ALTER INDEX posts_k RENAME TO posts_k2");
    assertThat(REWRITER.translate("ALTER TABLE posts RENAME KEY k TO k2").postgresSql())
        .isEqualTo("ALTER INDEX posts_k RENAME TO posts_k2");
  }
}
