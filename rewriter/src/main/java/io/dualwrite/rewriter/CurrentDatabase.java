package io.dualwrite.rewriter;

import java.util.Locale;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Table names qualified with the application's own MySQL database ({@code sakila.film} while
 * connected to {@code sakila}) mean the unqualified table: PostgreSQL holds those tables in the
 * connection's search path, not in a schema named after the MySQL database, so the qualifier is
 * dropped before translation. Names qualified with any other database keep their qualifier and are
 * refused where they are printed ({@code qualified-name}).
 */
final class CurrentDatabase {
  private CurrentDatabase() {}

  /** Drops {@code database.} from every table and column of {@code statement} that names it. */
  static void unqualify(Statement statement, String sql, String database) {
    if (database == null || !mentions(sql, database)) {
      return;
    }
    String wanted = database.toLowerCase(Locale.ROOT);
    TablesNamesFinder<Void> finder =
        new TablesNamesFinder<>() {
          @Override
          public <S> Void visit(Table table, S context) {
            strip(table, wanted);
            return super.visit(table, context);
          }

          @Override
          public <S> Void visit(MySQLGroupConcat groupConcat, S context) {
            // the finder does not look inside GROUP_CONCAT (JSqlParser 5.3)
            groupConcat.getExpressionList().accept(this, context);
            if (groupConcat.getOrderByElements() != null) {
              for (OrderByElement o : groupConcat.getOrderByElements()) {
                o.getExpression().accept(this, context);
              }
            }
            return null;
          }

          @Override
          public <S> Void visit(Column column, S context) {
            if (column.getTable() != null) {
              strip(column.getTable(), wanted);
            }
            return super.visit(column, context);
          }
        };
    // DDL names its table outside what the finder walks (CREATE INDEX it refuses altogether):
    // Flyway's MySQL support creates its history table and index qualified with the database.
    if (statement instanceof CreateTable create) {
      strip(create.getTable(), wanted);
    } else if (statement instanceof CreateIndex index) {
      strip(index.getTable(), wanted);
    } else if (statement instanceof Alter alter) {
      strip(alter.getTable(), wanted);
    }
    try {
      finder.getTables(statement);
    } catch (UnsupportedOperationException e) {
      // a statement kind the finder does not walk: its qualified names are refused when printed
    }
  }

  private static void strip(Table table, String database) {
    if (table == null) {
      return;
    }
    String schema = table.getSchemaName();
    if (schema != null
        && table.getDatabaseName() == null
        && Identifiers.normalize(schema).toLowerCase(Locale.ROOT).equals(database)) {
      table.setSchemaName(null);
    }
  }

  private static boolean mentions(String sql, String database) {
    return sql.toLowerCase(Locale.ROOT).contains(database.toLowerCase(Locale.ROOT));
  }
}
