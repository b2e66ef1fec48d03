package io.dualwrite.rewriter;

import java.util.List;

/**
 * An insert into a table the schema catalog does not know, so its AUTO_INCREMENT column (and with
 * it {@link AutoIncrement}) cannot be known from MySQL's schema. The driver can then take the
 * generated-key column from the authoritative database's own catalog and tell, with {@link #names},
 * whether the statement supplies it.
 *
 * @param table lower-case table name
 * @param columns the lower-case columns the statement names, in order; null when it names none (a
 *     {@code VALUES} row for every column)
 */
public record UncataloguedInsert(String table, List<String> columns) {
  public UncataloguedInsert {
    columns = columns == null ? null : List.copyOf(columns);
  }

  /**
   * Whether the statement supplies a value for {@code column} (lower-case): it names it, or names
   * no columns at all.
   */
  public boolean names(String column) {
    return columns == null || columns.contains(column);
  }
}
