package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** A small schema shaped like the ones apps have, and helpers shared by the translation tests. */
final class Fixtures {
  private Fixtures() {}

  static ColumnInfo col(String name, String type) {
    return new ColumnInfo(name, type, true, false, false, false);
  }

  static ColumnInfo ci(String name, String type) {
    return new ColumnInfo(name, type, true, false, false, true);
  }

  static ColumnInfo ai(String name, String type) {
    return new ColumnInfo(name, type, false, true, false, false);
  }

  /**
   * users(id AUTO_INCREMENT PK, email UNIQUE _ci, name _ci, age, score double, created, payload
   * blob); counters(name PK, hits); tags(id AUTO_INCREMENT PK, a, b, UNIQUE(a), UNIQUE(b));
   * orders(id AUTO_INCREMENT PK, user_id, total decimal, placed date, note varchar _bin).
   */
  static final SchemaCatalog CATALOG =
      SchemaCatalog.of(
          new TableInfo(
              "users",
              List.of(
                  ai("id", "int(11)"),
                  ci("email", "varchar(100)"),
                  ci("name", "varchar(50)"),
                  col("age", "int(11)"),
                  col("score", "double"),
                  new ColumnInfo("updated", "datetime", true, false, true, false),
                  col("payload", "blob")),
              List.of("id"),
              List.of(List.of("email"))),
          new TableInfo(
              "counters",
              List.of(
                  new ColumnInfo("name", "varchar(20)", false, false, false, true),
                  col("hits", "int(11)")),
              List.of("name"),
              List.of()),
          new TableInfo(
              "tags",
              List.of(ai("id", "int(11)"), col("a", "varchar(10)"), col("b", "varchar(10)")),
              List.of("id"),
              List.of(List.of("a"), List.of("b"))),
          new TableInfo(
              "orders",
              List.of(
                  ai("id", "bigint(20)"),
                  col("user_id", "int(11)"),
                  col("total", "decimal(10,2)"),
                  col("placed", "date"),
                  new ColumnInfo("note", "varchar(20)", true, false, false, false)),
              List.of("id"),
              List.of()));

  static final Rewriter WITH_CATALOG = Rewriter.builder().catalog(CATALOG).build();
  static final Rewriter PLAIN = Rewriter.builder().build();

  /** The PostgreSQL SQL, asserting the statement was translated. */
  static String pg(String mysql) {
    return pg(WITH_CATALOG, mysql);
  }

  static String pg(Rewriter rewriter, String mysql) {
    Translation t = rewriter.translate(mysql);
    assertThat(t.isRefused()).as("refused: %s", t).isFalse();
    return t.postgresSql();
  }

  /** The refusal, asserting the statement was refused. */
  static Refusal refusal(String mysql) {
    return refusal(WITH_CATALOG, mysql);
  }

  static Refusal refusal(Rewriter rewriter, String mysql) {
    Translation t = rewriter.translate(mysql);
    assertThat(t.isRefused()).as("translated: %s", t).isTrue();
    assertThat(t.postgresSql()).isNull();
    assertThat(t.refusal().reason()).isNotBlank();
    return t.refusal();
  }
}
