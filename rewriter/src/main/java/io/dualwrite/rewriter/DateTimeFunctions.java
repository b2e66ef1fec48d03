package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.literal;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.schema.Column;

/**
 * MySQL date and time functions (DATE_ADD, DATEDIFF, DATE_FORMAT, EXTRACT-like YEAR(), ...) printed
 * for PostgreSQL. NOW() and the other clock readings are {@link NonDeterministicFunctions}.
 */
final class DateTimeFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("DATE", DateTimeFunctions::date),
          Map.entry("YEAR", DateTimeFunctions::extractField),
          Map.entry("MONTH", DateTimeFunctions::extractField),
          Map.entry("DAY", DateTimeFunctions::extractField),
          Map.entry("DAYOFMONTH", DateTimeFunctions::extractField),
          Map.entry("HOUR", DateTimeFunctions::extractField),
          Map.entry("MINUTE", DateTimeFunctions::extractField),
          Map.entry("SECOND", DateTimeFunctions::extractField),
          Map.entry("QUARTER", DateTimeFunctions::extractField),
          Map.entry("DAYOFWEEK", DateTimeFunctions::dayOfWeek),
          Map.entry("WEEKDAY", DateTimeFunctions::weekday),
          Map.entry("DAYNAME", DateTimeFunctions::dayOrMonthName),
          Map.entry("MONTHNAME", DateTimeFunctions::dayOrMonthName),
          Map.entry("TIME", DateTimeFunctions::time),
          Map.entry("DAYOFYEAR", DateTimeFunctions::dayOfYear),
          Map.entry("LAST_DAY", DateTimeFunctions::lastDay),
          Map.entry("DATE_ADD", DateTimeFunctions::dateAddOrSub),
          Map.entry("ADDDATE", DateTimeFunctions::dateAddOrSub),
          Map.entry("DATE_SUB", DateTimeFunctions::dateAddOrSub),
          Map.entry("SUBDATE", DateTimeFunctions::dateAddOrSub),
          Map.entry("DATEDIFF", DateTimeFunctions::dateDiff),
          Map.entry("TIMESTAMPDIFF", DateTimeFunctions::timestampDiffCall),
          Map.entry("DATE_FORMAT", DateTimeFunctions::dateFormat),
          Map.entry("STR_TO_DATE", DateTimeFunctions::strToDate),
          Map.entry("FROM_UNIXTIME", DateTimeFunctions::fromUnixtime));

  private DateTimeFunctions() {}

  private static void date(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST(");
    d.dateOperand(args.get(0));
    d.a(" AS date)");
  }

  private static void extractField(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    String field = n.equals("DAYOFMONTH") ? "DAY" : n;
    d.a("CAST(EXTRACT(").a(field).a(" FROM ");
    d.dateOperand(args.get(0));
    d.a(") AS integer)");
  }

  private static void dayOfWeek(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(CAST(EXTRACT(DOW FROM ");
    d.dateOperand(args.get(0));
    d.a(") AS integer) + 1)");
  }

  private static void weekday(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(CAST(EXTRACT(ISODOW FROM ");
    d.dateOperand(args.get(0));
    d.a(") AS integer) - 1)");
  }

  private static void dayOrMonthName(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    // MySQL's default lc_time_names is en_US; to_char without TM prints English names
    arity(n, args, 1, 1);
    d.a("to_char(");
    d.dateOperand(args.get(0));
    d.a(n.equals("DAYNAME") ? ", 'FMDay')" : ", 'FMMonth')");
  }

  private static void time(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (args.get(0) instanceof net.sf.jsqlparser.expression.StringValue sv
        && MysqlLexer.decodeCanonical(sv.getValue()).length() <= 10) {
      throw RefusedException.function(
          n, "TIME() of a string without a date reads a MySQL duration, not a time of day.");
    }
    d.a("CAST(");
    d.dateOperand(args.get(0));
    d.a(" AS time)");
  }

  private static void dayOfYear(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST(EXTRACT(DOY FROM ");
    d.dateOperand(args.get(0));
    d.a(") AS integer)");
  }

  private static void lastDay(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST(date_trunc('month', ");
    d.dateOperand(args.get(0));
    d.a(") + INTERVAL '1 month - 1 day' AS date)");
  }

  private static void dateAddOrSub(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    if ((n.equals("ADDDATE") || n.equals("SUBDATE"))
        && !(args.get(1) instanceof IntervalExpression)) {
      // ADDDATE(d, n) / SUBDATE(d, n): n days
      IntervalExpression days = new IntervalExpression();
      days.setExpression(args.get(1));
      days.setIntervalType("DAY");
      d.dateArithmetic(args.get(0), days, n.equals("ADDDATE") ? "+" : "-");
      return;
    }
    if (!(args.get(1) instanceof IntervalExpression iv)) {
      throw RefusedException.function(n, n + " is translated only with an INTERVAL argument.");
    }
    d.dateArithmetic(args.get(0), iv, n.startsWith("DATE_ADD") || n.equals("ADDDATE") ? "+" : "-");
  }

  private static void dateDiff(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    d.a("(CAST(");
    d.dateOperand(args.get(0));
    d.a(" AS date) - CAST(");
    d.dateOperand(args.get(1));
    d.a(" AS date))");
  }

  private static void timestampDiffCall(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    timestampDiff(d, args);
  }

  private static void dateFormat(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    DateFormats.Template t = DateFormats.toPostgres(literal(n, args.get(1), "the format"), false);
    d.a("to_char(");
    d.dateOperand(args.get(0));
    d.a(", '").a(t.pattern().replace("'", "''")).a("')");
  }

  private static void strToDate(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    DateFormats.Template t = DateFormats.toPostgres(literal(n, args.get(1), "the format"), true);
    if (t.inputShape() != null) {
      // MySQL gives NULL for input that does not fit the format; PostgreSQL would raise
      d.a("CASE WHEN ");
      d.text(args.get(0));
      d.a(" ~ '").a(t.inputShape().replace("'", "''")).a("' THEN ");
    }
    if (t.hasTime() && !t.hasDate()) {
      // only time fields: MySQL returns a TIME
      d.a("CAST(to_timestamp(");
      d.text(args.get(0));
      d.a(", '").a(t.pattern().replace("'", "''")).a("') AS time)");
    } else if (t.hasTime()) {
      d.a("CAST(to_timestamp(");
      d.text(args.get(0));
      d.a(", '").a(t.pattern().replace("'", "''")).a("') AS timestamp)");
    } else {
      d.a("to_date(");
      d.text(args.get(0));
      d.a(", '").a(t.pattern().replace("'", "''")).a("')");
    }
    if (t.inputShape() != null) {
      d.a(" END");
    }
  }

  private static void fromUnixtime(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 2);
    if (args.size() == 2) {
      DateFormats.Template t = DateFormats.toPostgres(literal(n, args.get(1), "the format"), false);
      d.a("to_char(CAST(to_timestamp(");
      d.value(args.get(0));
      d.a(") AS timestamp), '").a(t.pattern().replace("'", "''")).a("')");
    } else {
      d.a("CAST(to_timestamp(");
      d.value(args.get(0));
      d.a(") AS timestamp)");
    }
  }

  private static void timestampDiff(PgExpressionDeParser d, List<Expression> args) {
    arity("TIMESTAMPDIFF", args, 3, 3);
    if (!(args.get(0) instanceof Column unitColumn)) {
      throw RefusedException.function("TIMESTAMPDIFF", "TIMESTAMPDIFF needs a unit keyword.");
    }
    String unit = PgExpressionDeParser.upper(unitColumn.getColumnName());
    Expression from = args.get(1);
    Expression to = args.get(2);
    switch (unit) {
      case "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK" -> {
        long divisor =
            switch (unit) {
              case "MINUTE" -> 60;
              case "HOUR" -> 3600;
              case "DAY" -> 86400;
              case "WEEK" -> 604800;
              default -> 1;
            };
        // whole units, truncated toward zero like MySQL
        d.a("CAST(trunc(EXTRACT(EPOCH FROM (CAST(");
        d.dateOperand(to);
        d.a(" AS timestamp) - CAST(");
        d.dateOperand(from);
        d.a(" AS timestamp)))");
        if (unit.equals("MICROSECOND")) {
          d.a(" * 1000000");
        } else if (divisor != 1) {
          d.a(" / " + divisor);
        }
        d.a(") AS bigint)");
      }
      case "MONTH", "QUARTER", "YEAR" -> {
        // age() counts whole months the way MySQL does (day and time of day considered)
        d.a("CAST(trunc((EXTRACT(YEAR FROM age(CAST(");
        d.dateOperand(to);
        d.a(" AS timestamp), CAST(");
        d.dateOperand(from);
        d.a(" AS timestamp))) * 12 + EXTRACT(MONTH FROM age(CAST(");
        d.dateOperand(to);
        d.a(" AS timestamp), CAST(");
        d.dateOperand(from);
        d.a(" AS timestamp))))");
        if (unit.equals("QUARTER")) {
          d.a(" / 3");
        } else if (unit.equals("YEAR")) {
          d.a(" / 12");
        }
        d.a(") AS bigint)");
      }
      default ->
          throw RefusedException.function(
              "TIMESTAMPDIFF", "TIMESTAMPDIFF with unit " + unit + " is not supported.");
    }
  }
}
