package io.dualwrite.admin.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as both sides know it: MySQL's name, PostgreSQL's (lower case), the columns in MySQL's
 * order, the primary key columns (indexes into {@link #columns()}, in key order; empty when the
 * table has none), and what keeps the sides from being compared at all ({@link #problems()}: the
 * table or a column missing on PostgreSQL).
 */
public record TableSpec(
    String mysqlName,
    String pgName,
    List<Column> columns,
    List<Integer> keyIndexes,
    List<String> problems) {

  public TableSpec {
    columns = List.copyOf(columns);
    keyIndexes = List.copyOf(keyIndexes);
    problems = List.copyOf(problems);
  }

  public boolean hasPrimaryKey() {
    return !keyIndexes.isEmpty();
  }

  public List<Column> keyColumns() {
    List<Column> out = new ArrayList<>(keyIndexes.size());
    for (int i : keyIndexes) {
      out.add(columns.get(i));
    }
    return out;
  }

  public List<String> keyNames() {
    List<String> out = new ArrayList<>(keyIndexes.size());
    for (int i : keyIndexes) {
      out.add(columns.get(i).mysqlName());
    }
    return out;
  }

  /** Columns written on the given side: every column but the generated ones. */
  public List<Integer> writableOn(Side side) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (!(side == Side.MYSQL ? c.mysqlGenerated() : c.pgGenerated())) {
        out.add(i);
      }
    }
    return out;
  }

  /** {@code SELECT} list of every column, quoted for {@code side}. */
  public String selectList(Side side) {
    StringBuilder b = new StringBuilder();
    for (Column c : columns) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(selectExpression(side, c));
    }
    return b.toString();
  }

  /**
   * How column {@code c} is read on {@code side}: its name, a FLOAT's exact value, or a BIT's
   * number on MySQL (Connector/J reads its bytes; PostgreSQL's column is the number).
   */
  static String selectExpression(Side side, Column c) {
    String name = side.quote(side == Side.MYSQL ? c.mysqlName() : c.pgName());
    if (c.singlePrecision()) {
      return side == Side.MYSQL ? "(" + name + " + 0E0)" : "CAST(" + name + " AS float8)";
    }
    if (side == Side.MYSQL && c.mysqlType().equalsIgnoreCase("bit")) {
      return "CAST(" + name + " AS SIGNED)";
    }
    return name;
  }

  /** The table name quoted for {@code side}. */
  public String name(Side side) {
    return side.quote(side == Side.MYSQL ? mysqlName : pgName);
  }

  /** A column name quoted for {@code side}. */
  public String column(Side side, int index) {
    Column c = columns.get(index);
    return side.quote(side == Side.MYSQL ? c.mysqlName() : c.pgName());
  }
}
