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

  /** people(id, name utf8mb4_0900_ai_ci, code utf8mb4_general_ci). */
  private static final TableInfo PEOPLE =
      new TableInfo(
          "people",
          List.of(
              new ColumnInfo("id", "int", false, false, false, false),
              new ColumnInfo("name", "varchar(40)", true, false, false, true, false, true),
              new ColumnInfo("code", "varchar(10)", true, false, false, true, false, false)),
          List.of("id"),
          List.of());

  private static Rewriter rewriter(boolean hasCollation) {
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
        };
    return Rewriter.builder().catalog(catalog).build();
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
}
