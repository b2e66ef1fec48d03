package io.dualwrite.rewriter;

import java.util.List;

/**
 * The AUTO_INCREMENT column of the table an insert writes.
 *
 * @param table lower-case table name
 * @param column lower-case column name
 * @param suppliedByStatement true when the statement names the column (then both sides get the
 *     app's value)
 * @param postgresSqlWithKeys for a VALUES insert that does not supply the column: the PostgreSQL
 *     SQL with the column added and one extra {@code ?} per row for it; null when the statement
 *     supplies the column or is INSERT ... SELECT / INSERT ... SET without VALUES rows
 * @param postgresKeyBindings one entry per {@code ?} of {@code postgresSqlWithKeys}, in order;
 *     empty when that is null. When the translation has non-deterministic calls, those are lifted
 *     to {@code ?} here too ({@link KeyBinding.ComputedValue})
 * @param rowCount number of VALUES rows (0 for INSERT ... SELECT)
 */
public record AutoIncrement(
    String table,
    String column,
    boolean suppliedByStatement,
    String postgresSqlWithKeys,
    List<KeyBinding> postgresKeyBindings,
    int rowCount) {
  public AutoIncrement {
    postgresKeyBindings =
        postgresKeyBindings == null ? List.of() : List.copyOf(postgresKeyBindings);
  }
}
