package io.dualwrite.admin.schema;

import java.util.List;
import java.util.Set;

/**
 * One object {@code schema} creates on PostgreSQL, with the translated statements that create it.
 *
 * @param kind what it is
 * @param table the table it belongs to (the table or view itself for those)
 * @param name its PostgreSQL name (a constraint's or index's own name)
 * @param statements the PostgreSQL statements, run together in one transaction
 * @param needs the relations (tables, views) that must exist first
 * @param refusal why it cannot be created (the rewriter's reason), or null
 */
record SchemaObject(
    Kind kind,
    String table,
    String name,
    List<String> statements,
    Set<String> needs,
    String refusal) {

  /** The kinds, in the order {@code schema} creates them. */
  enum Kind {
    TABLE("table"),
    INDEX("index"),
    FOREIGN_KEY("foreign key"),
    VIEW("view");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The JSON name: {@code table}, {@code index}, {@code foreign-key}, {@code view}. */
    String jsonName() {
      return label.replace(' ', '-');
    }
  }

  static SchemaObject refused(Kind kind, String name, String reason) {
    return new SchemaObject(kind, name, name, List.of(), Set.of(), reason);
  }

  boolean isRefused() {
    return refusal != null;
  }

  /** How messages name it: {@code table film}, {@code index film_idx_title on film}. */
  String describe() {
    return switch (kind) {
      case TABLE, VIEW -> kind.label + " " + name;
      case INDEX, FOREIGN_KEY -> kind.label + " " + name + " on " + table;
    };
  }
}
