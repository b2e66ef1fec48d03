package io.dualwrite.admin.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ordering, statement splitting and the check's comparison, without databases. */
class SchemaUnitTest {

  private static SchemaObject table(String name) {
    return new SchemaObject(SchemaObject.Kind.TABLE, name, name, List.of(), Set.of(), null);
  }

  private static SchemaObject fk(String table, String name, String parent) {
    return new SchemaObject(
        SchemaObject.Kind.FOREIGN_KEY,
        table,
        name,
        List.of(),
        new java.util.LinkedHashSet<>(List.of(table, parent)),
        null);
  }

  private static SchemaObject view(String name, String... reads) {
    return new SchemaObject(SchemaObject.Kind.VIEW, name, name, List.of(), Set.of(reads), null);
  }

  private static SchemaObject index(String table, String name) {
    return new SchemaObject(SchemaObject.Kind.INDEX, table, name, List.of(), Set.of(table), null);
  }

  @Test
  void tablesComeParentsFirstThenIndexesThenKeysThenViewsAfterTheViewsTheyRead() {
    List<SchemaObject> ordered =
        DependencyOrder.order(
            List.of(
                view("v_top", "v_mid"),
                fk("child", "child_parent", "parent"),
                table("child"),
                view("v_mid", "v_base"),
                index("child", "child_i"),
                table("parent"),
                view("v_base", "child")));
    assertThat(ordered.stream().map(SchemaObject::name))
        .containsExactly("parent", "child", "child_i", "child_parent", "v_base", "v_mid", "v_top");
  }

  @Test
  void aForeignKeyCycleKeepsEveryTableAndEveryKey() {
    List<SchemaObject> ordered =
        DependencyOrder.order(
            List.of(
                table("store"),
                table("staff"),
                fk("store", "fk_store_staff", "staff"),
                fk("staff", "fk_staff_store", "store"),
                fk("staff", "fk_self", "staff")));
    assertThat(ordered.subList(0, 2).stream().map(SchemaObject::kind))
        .containsOnly(SchemaObject.Kind.TABLE);
    assertThat(ordered).hasSize(5);
    assertThat(ordered.subList(2, 5).stream().map(SchemaObject::kind))
        .containsOnly(SchemaObject.Kind.FOREIGN_KEY);
  }

  @Test
  void theRewritersTableTranslationSplitsIntoTableIndexesAndKeys() {
    List<SchemaObject> parts =
        TranslatedTable.split(
            "order",
            "CREATE TABLE \"order\" (id integer NOT NULL, PRIMARY KEY (id));\n"
                + "COMMENT ON TABLE \"order\" IS 'x';\n"
                + "CREATE UNIQUE INDEX \"order_by \"\"x\"\"\" ON \"order\" (lower(code));\n"
                + "CREATE INDEX IF NOT EXISTS order_i ON \"order\" (id);\n"
                + "ALTER TABLE \"order\" ADD CONSTRAINT fk_o FOREIGN KEY (c) REFERENCES"
                + " \"user\" (id);\n"
                + "ALTER TABLE \"order\" ALTER COLUMN id RESTART WITH 5");
    assertThat(parts).hasSize(4);
    assertThat(parts.get(0).statements()).hasSize(3);
    assertThat(parts.get(1).name()).isEqualTo("order_by \"x\"");
    assertThat(parts.get(2).name()).isEqualTo("order_i");
    assertThat(parts.get(3).kind()).isEqualTo(SchemaObject.Kind.FOREIGN_KEY);
    assertThat(parts.get(3).name()).isEqualTo("fk_o");
    assertThat(parts.get(3).needs()).containsExactly("order", "user");
  }

  private static PgSnapshot.Table t(
      String name, List<PgSnapshot.Column> cols, Map<String, String> fks, Map<String, String> idx) {
    return new PgSnapshot.Table(name, cols, Set.of("PRIMARY KEY (id)"), fks, idx);
  }

  private static PgSnapshot.Column col(String name, String type) {
    return new PgSnapshot.Column(name, type, false, null, "");
  }

  @Test
  void theCheckNamesEachDifferenceAndMatchesRenamedKeysByDefinition() {
    PgSnapshot expected =
        new PgSnapshot(
            Map.of(
                "t",
                t(
                    "t",
                    List.of(col("id", "integer"), col("a", "text"), col("b", "jsonb")),
                    Map.of("fk_a", "FOREIGN KEY (a) REFERENCES p(a)"),
                    Map.of("t_i", "CREATE INDEX ON t USING btree (a)"))),
            Map.of("v", "SELECT 1"));
    PgSnapshot actual =
        new PgSnapshot(
            Map.of(
                "t",
                t(
                    "t",
                    List.of(
                        col("id", "integer"), col("b", "json"), col("a", "text"), col("z", "int")),
                    Map.of("other_name", "FOREIGN KEY (a) REFERENCES p(a)"),
                    Map.of()),
                "extra",
                t("extra", List.of(), Map.of(), Map.of()),
                "dualwrite_flags",
                t("dualwrite_flags", List.of(), Map.of(), Map.of())),
            Map.of());
    List<String> diffs =
        SchemaDiff.compare(expected, actual, Set.of("t", "v"), true, "dualwrite_").stream()
            .map(SchemaDiff.Difference::describe)
            .toList();
    assertThat(diffs)
        .containsExactlyInAnyOrder(
            "column t.b: type (expected jsonb, found json)",
            "column t.z: exists only on PostgreSQL (expected none, found int)",
            "table t: column order (expected id, a, b, found id, b, a)",
            "index t_i on t: missing on PostgreSQL (expected CREATE INDEX ON t USING btree (a),"
                + " found none)",
            "view v: missing on PostgreSQL",
            "table extra: exists only on PostgreSQL");
    assertThat(SchemaDiff.compare(expected, expected, Set.of("t", "v"), true, "dualwrite_"))
        .isEmpty();
  }
}
