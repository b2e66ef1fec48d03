package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.literal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;

/**
 * MySQL date and time functions (DATE_ADD, DATEDIFF, DATE_FORMAT, EXTRACT-like YEAR(), ...) printed
 * for PostgreSQL. NOW() and the other clock readings are {@link NonDeterministicFunctions}.
 */
final class DateTimeFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("DATE", ofDate("CAST(", " AS date)")),
          Map.entry("YEAR", DateTimeFunctions::extractField),
          Map.entry("MONTH", DateTimeFunctions::extractField),
          Map.entry("DAY", DateTimeFunctions::extractField),
          Map.entry("DAYOFMONTH", DateTimeFunctions::extractField),
          Map.entry("HOUR", DateTimeFunctions::extractField),
          Map.entry("MINUTE", DateTimeFunctions::extractField),
          Map.entry("SECOND", DateTimeFunctions::extractField),
          Map.entry("QUARTER", DateTimeFunctions::extractField),
          Map.entry("DAYOFWEEK", ofDate("(CAST(EXTRACT(DOW FROM ", ") AS integer) + 1)")),
          Map.entry("WEEKDAY", ofDate("(CAST(EXTRACT(ISODOW FROM ", ") AS integer) - 1)")),
          // MySQL's default lc_time_names is en_US; to_char without TM prints English names
          Map.entry("DAYNAME", ofDate("to_char(", ", 'FMDay')")),
          Map.entry("MONTHNAME", ofDate("to_char(", ", 'FMMonth')")),
          Map.entry("TIME", DateTimeFunctions::time),
          Map.entry("DAYOFYEAR", ofDate("CAST(EXTRACT(DOY FROM ", ") AS integer)")),
          Map.entry(
              "LAST_DAY",
              ofDate("CAST(date_trunc('month', ", ") + INTERVAL '1 month - 1 day' AS date)")),
          Map.entry("DATE_ADD", DateTimeFunctions::dateAddOrSub),
          Map.entry("ADDDATE", DateTimeFunctions::dateAddOrSub),
          Map.entry("DATE_SUB", DateTimeFunctions::dateAddOrSub),
          Map.entry("SUBDATE", DateTimeFunctions::dateAddOrSub),
          Map.entry("DATEDIFF", DateTimeFunctions::dateDiff),
          Map.entry("TIMESTAMPDIFF", DateTimeFunctions::timestampDiffCall),
          Map.entry("TIMESTAMPADD", DateTimeFunctions::timestampAdd),
          Map.entry("MICROSECOND", DateTimeFunctions::microsecond),
          Map.entry("TO_DAYS", DateTimeFunctions::toDays),
          Map.entry("WEEKOFYEAR", DateTimeFunctions::weekOfYear),
          Map.entry("DATE_FORMAT", DateTimeFunctions::dateFormat),
          Map.entry("STR_TO_DATE", DateTimeFunctions::strToDate),
          Map.entry("FROM_UNIXTIME", DateTimeFunctions::fromUnixtime));

  private DateTimeFunctions() {}

  /** A function of one date or time: {@code before}, the argument as a date, {@code after}. */
  private static Functions.Printer ofDate(String before, String after) {
    return (d, f, n, args) -> aroundDate(d, n, args, before, after);
  }

  private static void aroundDate(
      PgExpressionDeParser d, String n, List<Expression> args, String before, String after) {
    arity(n, args, 1, 1);
    d.a(before);
    d.dateOperand(args.get(0));
    d.a(after);
  }

  private static void extractField(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    String field = n.equals("DAYOFMONTH") ? "DAY" : n;
    // EXTRACT(SECOND) keeps the fraction (21:30:00.5 is 0.5, which CAST rounds to 1); MySQL's
    // SECOND() is the whole second, 0
    boolean second = field.equals("SECOND");
    aroundDate(
        d,
        n,
        args,
        second ? "CAST(floor(EXTRACT(SECOND FROM " : "CAST(EXTRACT(" + field + " FROM ",
        second ? ")) AS integer)" : ") AS integer)");
  }

  private static void time(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (args.get(0) instanceof net.sf.jsqlparser.expression.StringValue sv
        && MysqlLexer.decodeCanonical(sv.getValue()).length() <= 10) {
      throw RefusedException.function(
          n, "TIME() of a string without a date reads a MySQL duration, not a time of day.");
    }
    aroundDate(d, n, args, "CAST(", " AS time)");
  }

  /**
   * DATE_ADD/DATE_SUB/ADDDATE/SUBDATE. Of a string (a literal), MySQL's result is a string, the
   * date or date-time's text: as a result column of the outermost query the application reads that
   * text, elsewhere the value is compared or computed with as a date.
   */
  private static void dateAddOrSub(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    if (args.get(0) instanceof net.sf.jsqlparser.expression.StringValue literal
        && d.ctx.resultExpressions.contains(f)) {
      // a fraction in the literal: MySQL prints the result with six digits
      boolean fraction = MysqlLexer.decodeCanonical(literal.getValue()).contains(".");
      d.a(fraction ? "to_char(" : "CAST(");
      typedDateAddOrSub(d, n, args);
      d.a(fraction ? ", 'YYYY-MM-DD HH24:MI:SS.US')" : " AS text)");
      return;
    }
    typedDateAddOrSub(d, n, args);
  }

  /** DATE_ADD/DATE_SUB/ADDDATE/SUBDATE as a date or date-time value. */
  private static void typedDateAddOrSub(PgExpressionDeParser d, String n, List<Expression> args) {
    if ((n.equals("ADDDATE") || n.equals("SUBDATE"))
        && !(args.get(1) instanceof IntervalExpression)) {
      // ADDDATE(d, n) / SUBDATE(d, n): n days
      IntervalExpression days = new IntervalExpression();
      days.setExpression(args.get(1));
      days.setIntervalType("DAY");
      dateArithmetic(d, args.get(0), days, n.equals("ADDDATE") ? "+" : "-");
      return;
    }
    if (!(args.get(1) instanceof IntervalExpression iv)) {
      throw RefusedException.function(n, n + " is translated only with an INTERVAL argument.");
    }
    dateArithmetic(d, args.get(0), iv, n.startsWith("DATE_ADD") || n.equals("ADDDATE") ? "+" : "-");
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

  /** MICROSECOND(t): the fraction of the second in microseconds (0..999999). */
  private static void microsecond(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(CAST(EXTRACT(MICROSECONDS FROM CAST(");
    d.dateOperand(args.get(0));
    d.a(" AS time)) AS bigint) % 1000000)");
  }

  /** TO_DAYS(d): days since MySQL's year 0 (0001-01-01 is day 366). */
  private static void toDays(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(CAST(");
    d.dateOperand(args.get(0));
    d.a(" AS date) - DATE '0001-01-01' + 366)");
  }

  /** WEEKOFYEAR(d): the ISO 8601 week (MySQL's WEEK(d, 3)), as PostgreSQL's EXTRACT(WEEK). */
  private static void weekOfYear(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("CAST(EXTRACT(WEEK FROM ");
    d.dateOperand(args.get(0));
    d.a(") AS integer)");
  }

  /**
   * TIMESTAMPADD(unit, n, d) is DATE_ADD(d, INTERVAL n unit) in MySQL, result type included (a DATE
   * plus days stays a DATE); the units are the single ones, also spelled SQL_TSI_unit.
   */
  private static void timestampAdd(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    if (!(args.get(0) instanceof Column unitColumn)) {
      throw RefusedException.function(n, "TIMESTAMPADD needs a unit keyword.");
    }
    String unit = PgExpressionDeParser.upper(unitColumn.getColumnName());
    if (unit.startsWith("SQL_TSI_")) {
      unit = unit.substring("SQL_TSI_".length());
    }
    if (!java.util.Set.of(
            "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")
        .contains(unit)) {
      throw RefusedException.function(n, "TIMESTAMPADD with the unit " + unit + " is not known.");
    }
    IntervalExpression iv = new IntervalExpression();
    iv.setExpression(args.get(1));
    iv.setIntervalType(unit);
    dateArithmetic(d, args.get(2), iv, "+");
  }

  private static void timestampDiffCall(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    timestampDiff(d, args);
  }

  private static void dateFormat(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    String format = literal(n, args.get(1), "the format");
    List<String> parts = weekParts(format);
    if (parts.size() > 1) {
      weekFormat(d, n, args.get(0), parts);
      return;
    }
    DateFormats.Template t = DateFormats.toPostgres(format, false);
    d.a("to_char(");
    d.dateOperand(args.get(0));
    d.a(", '").a(t.pattern().replace("'", "''")).a("')");
  }

  /**
   * A DATE_FORMAT format cut around its week specifiers, which no to_char template gives: %U and %u
   * (the week, 00..53, as WEEK(d, 0) and WEEK(d, 1)), %w (the day of the week, 0 for Sunday). Each
   * specifier stands alone in the list; one element when there is none.
   */
  private static List<String> weekParts(String format) {
    List<String> parts = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%' && i + 1 < format.length()) {
        char s = format.charAt(++i);
        if (s == 'U' || s == 'u' || s == 'w') {
          parts.add(current.toString());
          parts.add("%" + s);
          current.setLength(0);
        } else {
          current.append(c).append(s);
        }
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /**
   * DATE_FORMAT with week specifiers: the to_char of each other part, the week numbers printed by
   * WEEK's translation (two digits), joined; NULL for a NULL date.
   */
  private static void weekFormat(
      PgExpressionDeParser d, String n, Expression date, List<String> parts) {
    Functions.repeatable(n, date);
    d.a("(");
    boolean first = true;
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      d.a(first ? "" : " || ");
      first = false;
      if (part.equals("%U") || part.equals("%u")) {
        Function week = new Function();
        week.setName("WEEK");
        week.setParameters(
            new net.sf.jsqlparser.expression.operators.relational.ExpressionList<>(
                date, new LongValue(part.equals("%u") ? 1 : 0)));
        d.a("lpad(CAST(");
        d.p(week);
        d.a(" AS text), 2, '0')");
      } else if (part.equals("%w")) {
        d.a("CAST(EXTRACT(DOW FROM ");
        d.dateOperand(date);
        d.a(") AS text)");
      } else {
        DateFormats.Template t = DateFormats.toPostgres(part, false);
        d.a("to_char(");
        d.dateOperand(date);
        d.a(", '").a(t.pattern().replace("'", "''")).a("')");
      }
    }
    d.a(")");
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

  static final Set<String> INTERVAL_UNITS =
      Set.of("MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR");

  /** d +/- INTERVAL n unit. */
  static void dateArithmetic(
      PgExpressionDeParser d, Expression date, IntervalExpression iv, String op) {
    if (iv.getIntervalType() == null && iv.getExpression() instanceof IntervalExpression inner) {
      iv = inner; // INTERVAL ? HOUR parses as INTERVAL (? HOUR)
    }
    String unit = PgExpressionDeParser.upper(iv.getIntervalType());
    if (COMPOUND_UNITS.containsKey(unit)) {
      compoundArithmetic(d, date, iv, unit, op);
      return;
    }
    if (!INTERVAL_UNITS.contains(unit)) {
      throw RefusedException.syntax(
          "interval:" + unit, "The compound INTERVAL unit " + unit + " is not supported.");
    }
    Expression amount = iv.getExpression();
    if (amount instanceof Function g
        && g.getName() != null
        && Functions.name(g).equals("INTERVAL")
        && Functions.params(g).size() == 1) {
      // INTERVAL (7 - WEEKDAY(d)) DAY: JSqlParser reads the bracketed amount as a call of
      // MySQL's INTERVAL(N, N1, ...) function, which takes two arguments or more
      amount = Functions.params(g).get(0);
    }
    if (amount == null) {
      String param = iv.getParameter() == null ? "" : iv.getParameter().trim();
      if (param.matches("-?[0-9]+")) {
        amount = new LongValue(param);
      } else {
        throw PgExpressionDeParser.refuseNode(iv, "INTERVAL with a string amount");
      }
    }
    boolean dateResult =
        Set.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR").contains(unit) && d.isDateValued(date);
    d.a(dateResult ? "CAST(" : "(");
    d.dateOperand(date);
    d.a(" ").a(op).a(" ");
    interval(d, amount, unit);
    d.a(dateResult ? " AS date)" : ")");
  }

  /** MySQL's compound INTERVAL units: the literal's form and the PostgreSQL unit of each part. */
  static final java.util.Map<String, Object[]> COMPOUND_UNITS =
      java.util.Map.of(
          "MINUTE_SECOND",
          new Object[] {"([0-9]+):([0-9]+)", new String[] {"minutes", "seconds"}},
          "HOUR_MINUTE",
          new Object[] {"([0-9]+):([0-9]+)", new String[] {"hours", "minutes"}},
          "HOUR_SECOND",
          new Object[] {"([0-9]+):([0-9]+):([0-9]+)", new String[] {"hours", "minutes", "seconds"}},
          "DAY_HOUR",
          new Object[] {"([0-9]+) ([0-9]+)", new String[] {"days", "hours"}},
          "DAY_MINUTE",
          new Object[] {"([0-9]+) ([0-9]+):([0-9]+)", new String[] {"days", "hours", "minutes"}},
          "DAY_SECOND",
          new Object[] {
            "([0-9]+) ([0-9]+):([0-9]+):([0-9]+)",
            new String[] {"days", "hours", "minutes", "seconds"}
          },
          "YEAR_MONTH",
          new Object[] {"([0-9]+)-([0-9]+)", new String[] {"years", "months"}});

  /**
   * The PostgreSQL interval text of INTERVAL 'parts' HOUR_MINUTE (and the other compound units),
   * each part signed as the literal ('-1 02:03:04' is "-1 days -2 hours -3 minutes -4 seconds").
   */
  static String compoundInterval(IntervalExpression iv, String unit) {
    Object[] spec = COMPOUND_UNITS.get(unit);
    String text = null;
    if (iv.getExpression() instanceof StringValue sv
        && (sv.getPrefix() == null || sv.getPrefix().isEmpty())) {
      text = MysqlLexer.decodeCanonical(sv.getValue());
    } else if (iv.getExpression() == null && iv.getParameter() != null) {
      String p = iv.getParameter().trim();
      if (p.length() >= 2 && p.startsWith("'") && p.endsWith("'")) {
        text = MysqlLexer.decodeCanonical(p.substring(1, p.length() - 1));
      }
    }
    java.util.regex.Matcher m =
        text == null
            ? null
            : java.util.regex.Pattern.compile("(-?)" + spec[0]).matcher(text.trim());
    if (m == null || !m.matches()) {
      throw RefusedException.syntax(
          "interval:" + unit,
          "INTERVAL "
              + unit
              + " is translated only with a string literal in the form '"
              + ((String) spec[0]).replace("([0-9]+)", "n")
              + "' (every part present).");
    }
    String sign = m.group(1);
    String[] names = (String[]) spec[1];
    StringBuilder pg = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      pg.append(i > 0 ? " " : "")
          .append(sign)
          .append(Long.parseLong(m.group(i + 2)))
          .append(' ')
          .append(names[i]);
    }
    return pg.toString();
  }

  /**
   * d +/- INTERVAL 'parts' HOUR_MINUTE (and the other compound units): translated when the amount
   * is a string literal with every part present ('1:30', '-1 02:03:04'); MySQL's laxer forms (other
   * delimiters, missing parts, which it right-aligns) are refused.
   */
  static void compoundArithmetic(
      PgExpressionDeParser d, Expression date, IntervalExpression iv, String unit, String op) {
    String pg = compoundInterval(iv, unit);
    // MySQL: a DATE stays a DATE only for YEAR_MONTH; units with a time part give a DATETIME
    boolean dateResult = unit.equals("YEAR_MONTH") && d.isDateValued(date);
    d.a(dateResult ? "CAST(" : "(");
    d.dateOperand(date);
    d.a(" ").a(op).a(" INTERVAL '").a(pg).a("'");
    d.a(dateResult ? " AS date)" : ")");
  }

  static void interval(PgExpressionDeParser d, Expression amount, String unit) {
    String pgUnit =
        switch (unit) {
          case "MICROSECOND" -> "1 microsecond";
          case "QUARTER" -> "3 months";
          default -> "1 " + unit.toLowerCase(Locale.ROOT);
        };
    if (amount instanceof LongValue lv) {
      long n = unit.equals("QUARTER") ? lv.getValue() * 3 : lv.getValue();
      d.a("INTERVAL '").a(String.valueOf(n)).a(" ").a(pgUnit.substring(pgUnit.indexOf(' ') + 1));
      d.a("'");
      return;
    }
    d.a("(");
    d.value(amount);
    d.a(") * INTERVAL '").a(pgUnit).a("'");
  }

  static void extract(PgExpressionDeParser d, ExtractExpression e) {
    String field = PgExpressionDeParser.upper(e.getName());
    if (field.equals("YEAR_MONTH")) {
      // MySQL: the integer YYYYMM (year 999 gives 99901, as the integer of '099901')
      d.a("CAST(to_char(");
      d.dateOperand(e.getExpression());
      d.a(", 'YYYYMM') AS integer)");
      return;
    }
    if (!Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "QUARTER", "WEEK")
        .contains(field)) {
      throw RefusedException.syntax(
          "extract:" + field, "EXTRACT(" + field + " ...) has no exact PostgreSQL equivalent.");
    }
    if (field.equals("WEEK")) {
      throw RefusedException.syntax(
          "extract:WEEK", "MySQL EXTRACT(WEEK) uses mode 0 week numbering, unlike PostgreSQL.");
    }
    d.a("CAST(EXTRACT(").a(field).a(" FROM ");
    d.dateOperand(e.getExpression());
    d.a(") AS integer)");
  }

  static void dateTimeLiteral(PgExpressionDeParser d, DateTimeLiteralExpression e) {
    d.a(e.getType().name()).a(" ");
    String v = e.getValue().trim();
    if (v.length() < 2 || !v.startsWith("'") || !v.endsWith("'")) {
      throw PgExpressionDeParser.refuseNode(e, "typed literal");
    }
    d.a("'")
        .a(MysqlLexer.decodeCanonical(v.substring(1, v.length() - 1)).replace("'", "''"))
        .a("'");
  }
}
