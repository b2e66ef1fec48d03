package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemporalDefaultsTest {
  private static final SchemaCatalog CATALOG =
      name ->
          name.equals("posts")
              ? Optional.of(
                  new TableInfo(
                      "posts",
                      List.of(
                          new ColumnInfo("id", "int", false, true, false, false, false),
                          new ColumnInfo("title", "varchar(50)", false, false, false, true, false),
                          new ColumnInfo(
                              "created_at", "datetime(3)", false, false, false, false, true),
                          new ColumnInfo(
                              "updated_at", "timestamp", false, false, true, false, true)),
                      List.of("id"),
                      List.of()))
              : Optional.empty();

  private final Rewriter rewriter = Rewriter.builder().catalog(CATALOG).build();

  @Test
  void insertOmittingDefaultCurrentTimestampColumnsPinsThemForBothSides() {
    Translation t = rewriter.translate("INSERT INTO posts (title) VALUES (?), ('b')");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "INSERT INTO posts (title, created_at, updated_at) VALUES (?, CAST(? AS DATETIME(3)),"
                + " CAST(? AS DATETIME)), ('b', CAST(? AS DATETIME(3)), CAST(? AS DATETIME))");
    // Every NOW(n) of one statement is the same instant in MySQL: one computed value per precision.
    assertThat(t.nonDeterministicCalls())
        .extracting(NonDeterministicCall::fractionalDigits)
        .containsExactly(3, 0);
    assertThat(t.pinned().postgresBindings()).hasSize(5);
  }

  @Test
  void insertSupplyingTheColumnIsLeftAlone() {
    Translation t =
        rewriter.translate(
            "INSERT INTO posts (title, created_at, updated_at) VALUES ('a', '2024-01-01', '2024-01-01')");
    assertThat(t.pinned()).isNull();
  }

  @Test
  void updateSetsTheOnUpdateColumnUnlessTheStatementDoes() {
    Translation t = rewriter.translate("UPDATE posts SET title = ? WHERE id = 1");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo("UPDATE posts SET title = ?, updated_at = CAST(? AS DATETIME) WHERE id = 1");
    Translation explicit =
        rewriter.translate("UPDATE posts SET title = 'x', updated_at = '2020-01-01' WHERE id = 1");
    assertThat(explicit.pinned()).isNull();
  }

  @Test
  void upsertUpdatePartSetsTheOnUpdateColumn() {
    Translation t =
        rewriter.translate(
            "INSERT INTO posts (id, title) VALUES (1, 'a') ON DUPLICATE KEY UPDATE title = 'b'");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "INSERT INTO posts (id, title, created_at, updated_at) VALUES (1, 'a', CAST(? AS"
                + " DATETIME(3)), CAST(? AS DATETIME)) ON DUPLICATE KEY UPDATE title = 'b',"
                + " updated_at = CAST(? AS DATETIME)");
  }

  @Test
  void tablesUnknownToTheCatalogAreNotChanged() {
    assertThat(rewriter.translate("INSERT INTO other (a) VALUES (1)").pinned()).isNull();
  }
}
