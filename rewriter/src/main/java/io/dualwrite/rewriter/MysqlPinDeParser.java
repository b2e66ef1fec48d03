package io.dualwrite.rewriter;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Prints the parsed statement back as MySQL with each non-deterministic call replaced by a {@code
 * ?}, numbering the calls in textual order. A pinned clock's {@code ?} is cast to the call's own
 * type ({@code CAST(? AS DATETIME(3))} for {@code NOW(3)}): its value is bound as text, and MySQL
 * reads text in arithmetic as a DOUBLE ({@code '2026-12-07 15:50:11' + 0} is 2026, where {@code
 * NOW() + 0} is 20261207155011) and prints it back with whatever digits it was sent. Run on the
 * unchanged tree before the PostgreSQL pass, which looks the same call nodes up by identity, so
 * both sides bind the same computed value.
 */
final class MysqlPinDeParser extends ExpressionDeParser {

  private final PrintContext ctx;

  private MysqlPinDeParser(PrintContext ctx) {
    this.ctx = ctx;
  }

  /** Finds the calls (recording them in ctx) and returns the pinned MySQL SQL and bindings. */
  static String pin(Statement statement, PrintContext ctx, List<Binding> bindings) {
    MysqlPinDeParser expr = new MysqlPinDeParser(ctx);
    StringBuilder b = new StringBuilder();
    SelectDeParser select =
        new SelectDeParser(expr, b) {
          @Override
          public <S> StringBuilder visit(
              net.sf.jsqlparser.statement.select.TableFunction f, S context) {
            if (!JsonTable.isExtracted(f) || f.getAlias() == null) {
              return super.visit(f, context);
            }
            JsonTable.of(f, ctx.jsonTables)
                .printMysql(
                    b,
                    expr,
                    f.getFunction().getParameters().get(0),
                    f.getAlias().getName(),
                    ctx.sqlMode);
            return b;
          }
        };
    expr.setSelectVisitor(select);
    expr.setBuilder(b);
    StatementDeParser s = new StatementDeParser(expr, select, b);
    statement.accept(s);
    for (Object o : expr.ctx.bindings) {
      bindings.add((Binding) o);
    }
    expr.ctx.bindings.clear();
    return b.toString();
  }

  private boolean pinned(Expression node) {
    String n = NonDeterministicFunctions.nonDeterministicName(node);
    if (n == null) {
      return false;
    }
    Integer index = ctx.callIndex.get(node);
    if (index == null) {
      NonDeterministicCall call =
          new NonDeterministicCall(n, NonDeterministicFunctions.fractionalDigits(node));
      // NOW(), CURDATE(), ... are fixed at statement start in MySQL: one value per statement;
      // SYSDATE(), UUID() and RAND() differ per call
      int same =
          NonDeterministicFunctions.STATEMENT_CONSTANT.contains(n) ? ctx.calls.indexOf(call) : -1;
      if (same >= 0) {
        index = same;
      } else {
        index = ctx.calls.size();
        ctx.calls.add(call);
      }
      ctx.callIndex.put(node, index);
    }
    NonDeterministicCall call = ctx.calls.get(index);
    String type =
        NonDeterministicFunctions.mysqlPinnedType(call.function(), call.fractionalDigits());
    if (type == null) {
      getBuilder().append('?');
    } else {
      getBuilder().append("CAST(? AS ").append(type).append(')');
    }
    ctx.bindings.add(new Binding.ComputedValue(index));
    return true;
  }

  /** A string literal as MySQL reads it under the session's sql_mode. */
  @Override
  public <S> StringBuilder visit(StringValue s, S context) {
    if (s.getPrefix() != null && !s.getPrefix().isEmpty()) {
      return super.visit(s, context);
    }
    return getBuilder().append(MysqlLexer.mysqlLiteral(s.getValue(), ctx.sqlMode));
  }

  @Override
  public <S> StringBuilder visit(Function function, S context) {
    if (!pinned(function)) {
      super.visit(function, context);
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(TimeKeyExpression t, S context) {
    if (!pinned(t)) {
      super.visit(t, context);
    }
    return getBuilder();
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.schema.Column column, S context) {
    net.sf.jsqlparser.schema.Table t = column.getTable();
    if (ctx.excludedAlias != null
        && t != null
        && t.getName() != null
        && Identifiers.normalize(t.getName()).equals(ctx.excludedAlias)) {
      // the row alias was cut out before parsing; VALUES(c) means the same in MySQL
      String name = Identifiers.normalize(column.getColumnName());
      getBuilder()
          .append("VALUES(")
          .append(ctx.excludedColumns.getOrDefault(name, name))
          .append(')');
      return getBuilder();
    }
    return super.visit(column, context);
  }

  /**
   * JSqlParser prints JSON_OBJECT / JSON_ARRAY with their arguments' toString(), bypassing this
   * visitor: a {@code ?} or a NOW() inside them would then get no binding (finding 2: "No value
   * specified for parameter 3"). Print the arguments through the visitor instead.
   */
  @Override
  public <S> StringBuilder visit(JsonFunction f, S context) {
    StringBuilder b = getBuilder();
    switch (f.getType()) {
      case MYSQL_OBJECT, POSTGRES_OBJECT -> {
        b.append("JSON_OBJECT(");
        boolean first = true;
        for (JsonKeyValuePair kv : f.getKeyValuePairs()) {
          if (!first) {
            b.append(", ");
          }
          first = false;
          printJsonPart(kv.getKey(), context);
          if (kv.getValue() != null) {
            b.append(", ");
            printJsonPart(kv.getValue(), context);
          }
        }
        b.append(')');
      }
      case ARRAY -> {
        if (f.getOnNullType() != null
            || f.getExpressions().stream().anyMatch(JsonFunctionExpression::isUsingFormatJson)) {
          return super.visit(f, context);
        }
        b.append("JSON_ARRAY(");
        boolean first = true;
        for (JsonFunctionExpression e : f.getExpressions()) {
          if (!first) {
            b.append(", ");
          }
          first = false;
          e.getExpression().accept(this, context);
        }
        b.append(')');
      }
      default -> super.visit(f, context);
    }
    return b;
  }

  private <S> void printJsonPart(Object part, S context) {
    if (part instanceof Expression e) {
      e.accept(this, context);
    } else {
      getBuilder().append(part);
    }
  }

  @Override
  public <S> StringBuilder visit(JdbcParameter p, S context) {
    getBuilder().append('?');
    ctx.bindings.add(new Binding.AppParameter(p.getIndex() - 1));
    return getBuilder();
  }
}
