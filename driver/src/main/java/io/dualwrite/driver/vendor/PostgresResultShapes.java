package io.dualwrite.driver.vendor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dualwrite.rewriter.ColumnInfo;
import io.dualwrite.rewriter.ResultColumns;
import io.dualwrite.rewriter.SchemaCatalog;
import io.dualwrite.rewriter.Translation;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import org.postgresql.PGResultSetMetaData;

/**
 * The MySQL shape of a result PostgreSQL served: the labels MySQL would give its columns, each
 * column's MySQL type (a table column's from the schema catalog, a computed column's by MySQL's
 * typing rules in {@link ExpressionTypes}), and which computed columns MySQL reports as never NULL.
 * {@link MysqlLookingResultSet} shows PostgreSQL's rows through it.
 *
 * <p>The labels, select-list expressions and outer-joined tables come from the statement's {@link
 * Translation#resultColumns()}, read from the rewriter's one parse of the statement; the driver
 * never parses SQL itself. A shape is worked out once per SQL text and catalog generation and kept
 * in a bounded cache: typing the select list and looking columns up in the catalog would otherwise
 * cost more than the query. Thread-safe.
 */
public final class PostgresResultShapes {
  private final SchemaCatalog catalog;
  private final Cache<String, ResultShape> shapes =
      Caffeine.newBuilder().maximumSize(10_000).build();

  private final java.util.function.BooleanSupplier mysqlIsMariaDb;

  public PostgresResultShapes(SchemaCatalog catalog) {
    this(catalog, () -> true);
  }

  /**
   * @param mysqlIsMariaDb whether the MySQL side is MariaDB, whose expression types differ from
   *     MySQL 8+'s (see {@link ExpressionTypes#of(Expression, String, java.util.function.Function,
   *     boolean)})
   */
  public PostgresResultShapes(
      SchemaCatalog catalog, java.util.function.BooleanSupplier mysqlIsMariaDb) {
    this.catalog = catalog;
    this.mysqlIsMariaDb = mysqlIsMariaDb;
  }

  /** MySQL's labels, column types and NOT NULL facts for a result of one SQL text. */
  public record ResultShape(
      int columns,
      long catalogGeneration,
      List<String> labels,
      List<MysqlColumnType> types,
      List<Boolean> notNull) {}

  /**
   * Wraps PostgreSQL's result of {@code t} so it reads like Connector/J's.
   *
   * @param t the translation PostgreSQL ran (its MySQL SQL, result columns and tables read)
   * @param owner what the result's {@code getStatement()} returns
   */
  public MysqlLookingResultSet wrap(ResultSet rs, Translation t, java.sql.Statement owner)
      throws SQLException {
    ResultShape shape = shape(rs, t);
    return new MysqlLookingResultSet(rs, shape.types(), shape.labels(), shape.notNull(), owner);
  }

  /** The shape of {@code rs}, a result of {@code t} (null: no statement known). */
  public ResultShape shape(ResultSet rs, Translation t) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    long generation = catalog.generation();
    boolean mariaDb = mysqlIsMariaDb.getAsBoolean();
    // the server's flavor changes expression types: a shape is of one flavor
    String key = (mariaDb ? "M:" : "O:") + (t == null ? "" : t.mysqlSql());
    ResultShape shape = shapes.getIfPresent(key);
    if (shape == null || shape.columns() != columns || shape.catalogGeneration() != generation) {
      ResultColumns select = t == null ? null : t.resultColumns();
      List<String> labels = select == null ? null : select.labels(columns);
      List<Expression> expressions = select == null ? null : select.expressions(columns);
      Set<String> tables = t == null ? Set.of() : t.tablesRead();
      shape =
          new ResultShape(
              columns,
              generation,
              labels,
              mysqlTypes(rs, expressions, tables, mariaDb, select != null && select.setOperation()),
              notNull(expressions, select, tables));
      shapes.put(key, shape);
    }
    return shape;
  }

  /**
   * The MySQL type of each result column: a table column's from the schema catalog, a SUM/AVG's by
   * MySQL's typing rules ({@link ExpressionTypes}), else null (derived from PostgreSQL's type). A
   * set operation's BIT column is left to PostgreSQL's type: only its first branch is known here.
   */
  private List<MysqlColumnType> mysqlTypes(
      ResultSet rs,
      List<Expression> expressions,
      Set<String> tablesRead,
      boolean mariaDb,
      boolean setOperation)
      throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<MysqlColumnType> types = new ArrayList<>(n);
    PGResultSetMetaData pg =
        meta.isWrapperFor(PGResultSetMetaData.class)
            ? meta.unwrap(PGResultSetMetaData.class)
            : null;
    for (int i = 1; i <= n; i++) {
      MysqlColumnType type = null;
      if (pg != null) {
        String table = pg.getBaseTableName(i);
        String column = pg.getBaseColumnName(i);
        if (table != null && !table.isEmpty() && column != null && !column.isEmpty()) {
          type =
              catalog
                  .table(table)
                  .flatMap(t -> t.column(column))
                  .map(c -> MysqlColumnType.parse(c.mysqlType()))
                  .orElse(null);
        }
      }
      if (type == null && expressions != null && expressions.get(i - 1) != null) {
        type =
            ExpressionTypes.of(
                expressions.get(i - 1),
                meta.getColumnTypeName(i),
                c -> catalogColumnType(c, tablesRead),
                mariaDb);
      }
      if (setOperation && type != null && type.name().equals("bit")) {
        // the first branch's BIT(n): another branch may be wider, or not a BIT (MySQL's column
        // is then a DECIMAL); PostgreSQL's bigint says the number
        type = null;
      }
      types.add(type);
    }
    return types;
  }

  /** Which computed columns MySQL reports as never NULL (null: PostgreSQL's answer for all). */
  private List<Boolean> notNull(
      List<Expression> expressions, ResultColumns select, Set<String> tablesRead) {
    if (expressions == null) {
      return null;
    }
    // a column an outer join may fill with NULL is nullable whatever its table says
    Set<String> outerJoined = select.outerJoinedTables().orElse(null);
    Predicate<Column> notNullColumn =
        c -> {
          if (outerJoined == null) {
            return false;
          }
          if (!outerJoined.isEmpty()) {
            String q =
                c.getTable() == null || c.getTable().getName() == null
                    ? null
                    : lowerCaseName(c.getTable().getName());
            if (q == null || outerJoined.contains(q)) {
              return false;
            }
          }
          ColumnInfo info = catalogColumn(c, tablesRead);
          return info != null && !info.nullable();
        };
    List<Boolean> out = new ArrayList<>(expressions.size());
    for (Expression e : expressions) {
      out.add(e != null && ExpressionTypes.neverNull(e, notNullColumn));
    }
    return out;
  }

  private MysqlColumnType catalogColumnType(Column column, Set<String> tablesRead) {
    ColumnInfo info = catalogColumn(column, tablesRead);
    return info == null ? null : MysqlColumnType.parse(info.mysqlType());
  }

  /**
   * The catalog column a column reference of the read names: {@code table.column} when the
   * qualifier names a table it reads, else the one table it reads that has such a column.
   */
  private ColumnInfo catalogColumn(Column column, Set<String> tablesRead) {
    String name = lowerCaseName(column.getColumnName());
    Set<String> tables = tablesRead;
    if (column.getTable() != null && column.getTable().getName() != null) {
      String qualifier = lowerCaseName(column.getTable().getName());
      if (tables.contains(qualifier)) {
        tables = Set.of(qualifier);
      }
    }
    ColumnInfo found = null;
    for (String table : tables) {
      Optional<ColumnInfo> info = catalog.table(table).flatMap(t -> t.column(name));
      if (info.isPresent()) {
        if (found != null) {
          return null; // ambiguous without resolving aliases
        }
        found = info.get();
      }
    }
    return found;
  }

  /** A name of the statement as MySQL compares it here: unquoted, lower-case. */
  private static String lowerCaseName(String identifier) {
    return ResultColumns.unquote(identifier.trim()).toLowerCase(Locale.ROOT);
  }
}
