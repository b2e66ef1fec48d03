package io.dualwrite.rewriter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Prints a query, and is the base of the printers of INSERT ({@link InsertPrinter}), UPDATE ({@link
 * UpdatePrinter}) and DELETE ({@link DeletePrinter}) for PostgreSQL: they share one expression and
 * one SELECT deparser over one {@link PrintContext}. One instance prints one pass; the translator
 * runs a pass for the plain SQL, the pinned SQL and the SQL with generated keys.
 */
class DmlPrinter {

  final PrintContext ctx;

  final StringBuilder b = new StringBuilder();

  final PgExpressionDeParser expr;

  final PgSelectDeParser select;

  DmlPrinter(PrintContext ctx) {
    this.ctx = ctx;
    this.expr = new PgExpressionDeParser(ctx);
    this.select = new PgSelectDeParser(expr, b);
  }

  DmlPrinter a(String s) {
    b.append(s);
    return this;
  }

  /**
   * A value written into a column. MySQL parses a string assigned to a JSON column as JSON;
   * PostgreSQL accepts an untyped literal or parameter for jsonb but no text expression (CONCAT,
   * CASE, a VARCHAR column, ...), so those are cast to jsonb (a jsonb value casts to itself).
   */
  void assignedValue(Expression v, Optional<ColumnInfo> column) {
    Expression value = ColumnLiterals.adapt(v, column, ctx.catalog.truncatesFractionalSeconds());
    ParameterTargets.with(ctx, column, value, true, () -> printAssignedValue(value, column));
  }

  private void printAssignedValue(Expression v, Optional<ColumnInfo> column) {
    String base = column.map(c -> TypeMapping.baseType(c.mysqlType())).orElse("");
    if (base.equals("bit")
        && !(v instanceof StringValue || v instanceof JdbcParameter)
        && (StringFunctions.isTextValued(v)
            || expr.columnInfo(v).map(c -> TypeMapping.isText(c.mysqlType())).orElse(false))) {
      throw RefusedException.syntax(
          "bit-from-text",
          "A string expression written into the BIT column "
              + column.get().name()
              + " stores its bytes in MySQL: translated for a string literal or a bound value,"
              + " not "
              + v
              + ".");
    }
    if ((base.equals("date") || base.equals("datetime") || base.equals("timestamp"))
        && TemporalNumbers.isArithmeticOfTemporal(expr, v)) {
      // SET d = d + 1: MySQL's number stored as the date it spells
      TemporalNumbers.printStoredAsDateTime(expr, v, base.equals("date") ? "date" : "timestamp");
      return;
    }
    if (base.equals("set") && !(v instanceof NullValue || isDefaultKeyword(v))) {
      setValue(v, column.get());
      return;
    }
    if (column.isPresent()
        && TypeMapping.baseType(column.get().mysqlType()).equals("json")
        && needsJsonCast(v)) {
      a("CAST(");
      expr.value(v);
      a(" AS jsonb)");
    } else {
      expr.value(v);
    }
  }

  /**
   * A value written into SET column {@code column}: a literal (normalised before, {@link
   * ColumnLiterals}) or a bound value (normalised by the driver) as it is, another text expression
   * normalised ({@link #storedSet}); a number other than an integer literal is refused (MySQL
   * stores the members of its bits).
   */
  void setValue(Expression v, ColumnInfo column) {
    if (v instanceof StringValue || v instanceof JdbcParameter) {
      expr.value(v);
      return;
    }
    if (ControlFlowFunctions.kind(expr, v) == ControlFlowFunctions.Kind.NUMBER
        || ExactNumbers.isExact(expr, v)
        || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.Division
        || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr
        || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd) {
      throw RefusedException.syntax(
          "set-column-number",
          "A number written into the SET column "
              + column.name()
              + " stores the members of its bits in MySQL: translated for an integer literal, not "
              + v
              + ".");
    }
    storedSet(v, ColumnLiterals.members(column.mysqlType()));
  }

  /**
   * An expression written into a SET column ({@code SET amenities = CONCAT_WS(',', amenities,
   * 'parking')}): MySQL stores its members in the SET's declaration order, once each, spelled as
   * declared (matched ignoring case and trailing spaces); the text is normalised so on PostgreSQL,
   * evaluated once. Literals and bound values are normalised before they are sent ({@link
   * ColumnLiterals}). A value with a non-member, which MySQL's strict mode rejects, loses it.
   */
  private void storedSet(Expression v, List<String> members) {
    a(
        "(SELECT CASE WHEN dw_sv.v IS NULL THEN NULL ELSE COALESCE((SELECT string_agg(dw_sm.m, ','"
            + " ORDER BY dw_sm.i) FROM unnest(ARRAY[");
    for (int i = 0; i < members.size(); i++) {
      a(i > 0 ? ", " : "").a("'").a(members.get(i).replace("'", "''")).a("'");
    }
    a(
        "]::text[]) WITH ORDINALITY AS dw_sm(m, i) WHERE lower(dw_sm.m) IN (SELECT rtrim(dw_sp.p,"
            + " ' ') FROM unnest(string_to_array(lower(dw_sv.v), ',')) AS dw_sp(p))), '') END FROM"
            + " (SELECT ");
    expr.text(v);
    a(" AS v) AS dw_sv)");
  }

  boolean needsJsonCast(Expression v) {
    return !(v instanceof StringValue
        || v instanceof NullValue
        || v instanceof JdbcParameter
        || v instanceof net.sf.jsqlparser.expression.JsonFunction
        || isDefaultKeyword(v)
        || JsonFunctions.isJsonValued(expr, v));
  }

  static boolean isDefaultKeyword(Expression v) {
    return v instanceof Column c
        && c.getTable() == null
        && "DEFAULT".equalsIgnoreCase(c.getColumnName());
  }

  /** MySQL assigns left to right, later expressions seeing earlier new values; PostgreSQL not. */
  static void checkOrderIndependence(List<UpdateSet> sets) {
    Set<String> assigned = new LinkedHashSet<>();
    for (UpdateSet set : sets) {
      for (int i = 0; i < set.getColumns().size(); i++) {
        Expression v = (Expression) set.getValues().get(i);
        for (String used : columnsIn(v)) {
          if (assigned.contains(used)) {
            throw RefusedException.syntax(
                "update-order",
                "The SET list reads column "
                    + used
                    + " after assigning it; MySQL uses the new value, PostgreSQL the old one.");
          }
        }
        assigned.add(Identifiers.normalize(set.getColumns().get(i).getColumnName()));
      }
    }
  }

  static Set<String> columnsIn(Expression e) {
    Set<String> names = new LinkedHashSet<>();
    e.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S context) {
            names.add(Identifiers.normalize(column.getColumnName()));
            return null;
          }

          @Override
          public <S> Void visit(Function f, S context) {
            String n = PgExpressionDeParser.upper(f.getName());
            if (n.equals("VALUES")) {
              return null; // VALUES(c) is the inserted value, not the column
            }
            return super.visit(f, context);
          }
        },
        null);
    return names;
  }

  void select(Select s) {
    s.accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) select, null);
  }
}
