package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;

/**
 * MySQL functions of TIME durations: TIMEDIFF, ADDTIME, SUBTIME, and those that read a date-time
 * and move it by a duration or a time zone offset: TIMESTAMP, CONVERT_TZ. MySQL's TIME is a
 * duration (-838:59:59..838:59:59), PostgreSQL's time a time of day (00:00:00..24:00:00), so a TIME
 * result is translated exactly within a day and fails on PostgreSQL outside it rather than
 * wrapping; a DATETIME result is exact for every value. Only forms whose types and fractional
 * digits are known are translated: date-times are DATETIME/TIMESTAMP columns without fractional
 * seconds (for TIMEDIFF also with them: its TIME(n) result is printed with n digits where text is
 * wanted), TIMESTAMP literals and (for TIMEDIFF) string literals 'YYYY-MM-DD hh:mm:ss' of valid
 * date-times; durations are TIME columns without fractional seconds and string literals
 * '[-]h:mm:ss' up to 838:59:59. Anything else (a DATE, fractional seconds, MySQL's other duration
 * forms such as 'D hh:mm:ss', a string first argument of ADDTIME, whose result is a string) is
 * refused by name.
 *
 * <p>TIMESTAMP(x[, t]) and CONVERT_TZ(x, from, to) read x as a DATETIME: a DATE, DATETIME or
 * TIMESTAMP column without fractional seconds, NULL, a DATE or TIMESTAMP literal or a string
 * literal of a valid 'YYYY-MM-DD[ hh:mm:ss]'. MySQL's other readings (numbers, short forms, invalid
 * dates as NULL) are refused, and so are fractional seconds: the result would be a PostgreSQL
 * timestamp whose digits the code around it no longer knows (MySQL prints DATETIME(3) with three,
 * JSON with six, UNIX_TIMESTAMP keeps them, a write rounds them half up), found by review.
 */
final class DurationFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("TIMEDIFF", DurationFunctions::timediff),
          Map.entry("ADDTIME", DurationFunctions::addSubTime),
          Map.entry("SUBTIME", DurationFunctions::addSubTime),
          Map.entry("TIMESTAMP", DurationFunctions::timestamp),
          Map.entry("CONVERT_TZ", DurationFunctions::convertTz));

  /** The functions of this family whose result is a DATETIME (a PostgreSQL timestamp). */
  static final java.util.Set<String> DATETIME_VALUED =
      java.util.Set.of("ADDTIME", "SUBTIME", "TIMESTAMP", "CONVERT_TZ");

  private static final Pattern DATETIME_TEXT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern DURATION_TEXT =
      Pattern.compile("(-?)(\\d{1,3}):([0-5]?\\d):([0-5]?\\d)");

  /** MySQL's largest TIME, 838:59:59, in seconds. */
  private static final long MAX_TIME_SECONDS = 838L * 3600 + 59 * 60 + 59;

  private DurationFunctions() {}

  /**
   * TIMEDIFF(a, b) of two date-times, or of two TIMEs ({@link #timeOfDay}, at least one a column):
   * a - b as a TIME, NULL when either is NULL. PostgreSQL's interval is printed as a time when it
   * is within a day (0..23:59:59); a negative or longer difference fails on PostgreSQL ("invalid
   * input syntax for type time") instead of wrapping.
   */
  private static void timediff(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    if (d.ctx.durationResults.contains(f) && timediffDigits(d, f) == 0) {
      // a result column: the whole duration, as MySQL prints it ('276:00:00')
      timediffInterval(d, f);
      return;
    }
    Runnable[] operands = timediffOperands(d, n, args);
    d.template(
        "CASE WHEN {#0} - {#1} >= interval '0' AND {#0} - {#1} < interval '24 hours' THEN"
            + " CAST({#0} - {#1} AS time) WHEN {#0} - {#1} IS NOT NULL THEN CAST('TIMEDIFF ' ||"
            + " CAST({#0} - {#1} AS text) || ' is a duration outside a day' AS time) END",
        operands[0],
        operands[1]);
  }

  /** MySQL's TIME range, -838:59:59..838:59:59, in seconds. */
  static final int TIME_RANGE_SECONDS = 838 * 3600 + 59 * 60 + 59;

  /**
   * TIMEDIFF(a, b) as a PostgreSQL interval of hours, minutes and seconds ({@code 276:00:00}, not
   * {@code 11 days 12:00:00}) limited to MySQL's TIME range, NULL when either is NULL: the duration
   * of any length, for a result column ({@code durationResults}) and for TIME_TO_SEC.
   */
  static void timediffInterval(PgExpressionDeParser d, Function f) {
    String n = Functions.name(f);
    List<Expression> args = f.getParameters() == null ? List.of() : List.copyOf(f.getParameters());
    Runnable[] operands = timediffOperands(d, n, args);
    d.template(
        "CASE WHEN {#0} - {#1} IS NOT NULL THEN make_interval(secs => least(greatest(EXTRACT(EPOCH"
            + " FROM {#0} - {#1}), -"
            + TIME_RANGE_SECONDS
            + "), "
            + TIME_RANGE_SECONDS
            + ")) END",
        operands[0],
        operands[1]);
  }

  /** TIMEDIFF's two operands: two TIMEs, or two date-times. */
  private static Runnable[] timediffOperands(
      PgExpressionDeParser d, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    Runnable a = timeOfDay(d, args.get(0));
    Runnable b = timeOfDay(d, args.get(1));
    boolean times =
        a != null
            && b != null
            && (timeColumn(d, args.get(0)) != null || timeColumn(d, args.get(1)) != null);
    if (!times) {
      // two date-times (a TIME column against a date-time is NULL in MySQL: refused below)
      a = dateTime(d, n, args.get(0), true);
      b = dateTime(d, n, args.get(1), true);
    }
    Functions.repeatable(n, args.get(0));
    Functions.repeatable(n, args.get(1));
    return new Runnable[] {a, b};
  }

  /**
   * ADDTIME/SUBTIME whose first argument is a TIME column without fractional seconds: MySQL's
   * result is a TIME (a time of day here).
   */
  static boolean isTimeOfDayResult(PgExpressionDeParser d, Function f) {
    if (f.getName() == null
        || !java.util.Set.of("ADDTIME", "SUBTIME").contains(Functions.name(f))
        || Functions.params(f).size() != 2) {
      return false;
    }
    return isWholeSecondTime(d, Functions.params(f).get(0));
  }

  /** A TIME column without fractional seconds. */
  private static boolean isWholeSecondTime(PgExpressionDeParser d, Expression e) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    return c.isPresent()
        && TypeMapping.baseType(c.get().mysqlType()).equals("time")
        && PgExpressionDeParser.fractionalDigits(c.get().mysqlType()) == 0;
  }

  /**
   * The fractional digits of MySQL's TIME result when {@code e} is a TIMEDIFF of date-time columns
   * with fractional seconds (the most of its operands': TIMEDIFF of a DATETIME(3) and a DATETIME is
   * a TIME(3), printed {@code 02:30:15.125}), else 0.
   */
  static int timediffDigits(PgExpressionDeParser d, Expression e) {
    if (!(e instanceof Function f)
        || f.getName() == null
        || !Functions.name(f).equals("TIMEDIFF")
        || Functions.params(f).size() != 2) {
      return 0;
    }
    int digits = 0;
    for (Expression a : Functions.params(f)) {
      digits =
          Math.max(
              digits,
              d.columnInfo(a)
                  .map(c -> PgExpressionDeParser.fractionalDigits(c.mysqlType()))
                  .orElse(0));
    }
    return digits;
  }

  /**
   * ADDTIME(dt, t) / SUBTIME(dt, t) of a date-time and a duration: the DATETIME dt plus (minus) t;
   * NULL when either is NULL or the result is past 9999-12-31 23:59:59 (as MySQL); a result before
   * year 1 (MySQL's year 0) fails on PostgreSQL.
   */
  private static void addSubTime(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    if (isTimeOfDayResult(d, f)) {
      // ADDTIME(time_col, t): a TIME, exact within a day; outside it (a duration MySQL keeps)
      // it fails on PostgreSQL rather than wrapping round midnight as time + interval would
      Runnable t = duration(d, n, args.get(1));
      Functions.repeatable(n, args.get(0));
      Functions.repeatable(n, args.get(1));
      String r = "(CAST({#0} AS interval) " + (n.equals("ADDTIME") ? "+" : "-") + " {#1})";
      d.template(
          "CASE WHEN "
              + r
              + " >= interval '0' AND "
              + r
              + " < interval '24 hours' THEN CAST("
              + r
              + " AS time) WHEN "
              + r
              + " IS NOT NULL THEN CAST('"
              + n
              + " ' || CAST("
              + r
              + " AS text) || ' is a duration outside a day' AS time) END",
          () -> d.p(args.get(0)),
          t);
      return;
    }
    Runnable dt = dateTime(d, n, args.get(0), false);
    Runnable t = duration(d, n, args.get(1));
    Functions.repeatable(n, args.get(0));
    Functions.repeatable(n, args.get(1));
    moved(d, n, n.equals("ADDTIME") ? "+" : "-", dt, t);
  }

  /**
   * TIMESTAMP(x): x as a DATETIME (see the class notes). TIMESTAMP(x, t): x plus the duration t, as
   * ADDTIME: NULL past 9999-12-31 23:59:59; a result before year 1 fails on PostgreSQL.
   */
  private static void timestamp(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 2);
    Runnable dt = asDateTime(d, n, args.get(0));
    if (args.size() == 1) {
      dt.run();
      return;
    }
    Runnable t = duration(d, n, args.get(1));
    Functions.repeatable(n, args.get(0));
    Functions.repeatable(n, args.get(1));
    moved(d, n, "+", dt, t);
  }

  /** A '+hh:mm' or '-hh:mm' offset (one or two digits each), as MySQL writes one. */
  private static final Pattern OFFSET_TEXT = Pattern.compile("([+-])(\\d{1,2}):(\\d{1,2})");

  /**
   * CONVERT_TZ(x, from, to) between two offsets: x (read as a DATETIME, see the class notes) minus
   * from is its UTC value, which MySQL 9.7 converts only from 1970-01-01 00:00:01 and before
   * 3001-01-19 00:00:00, and returns x unchanged otherwise; then plus to. An offset out of
   * -13:59..+14:00, or with 60 minutes or more, makes it NULL. Time zone names are refused: MySQL
   * reads them from its own time zone tables (NULL when they are not loaded).
   */
  private static void convertTz(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    Runnable dt = asDateTime(d, n, args.get(0));
    Integer from = offsetMinutes(n, args.get(1));
    Integer to = offsetMinutes(n, args.get(2));
    if (from == null || to == null) {
      d.a("CAST(NULL AS timestamp)");
      return;
    }
    Functions.repeatable(n, args.get(0));
    String utc = "({#0} - interval '" + from + " minutes')";
    d.template(
        "CASE WHEN "
            + utc
            + " >= TIMESTAMP '1970-01-01 00:00:01' AND "
            + utc
            + " < TIMESTAMP '3001-01-19 00:00:00' THEN "
            + utc
            + " + interval '"
            + to
            + " minutes' ELSE {#0} END",
        dt);
  }

  /**
   * The minutes of a time zone offset literal; null for one MySQL reads as no zone (NULL); refused
   * when it is not a literal offset.
   */
  private static Integer offsetMinutes(String n, Expression e) {
    if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      Matcher m = OFFSET_TEXT.matcher(MysqlLexer.decodeCanonical(s.getValue()));
      if (m.matches()) {
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        int total = (m.group(1).equals("-") ? -1 : 1) * (hours * 60 + minutes);
        return minutes < 60 && total >= -(13 * 60 + 59) && total <= 14 * 60 ? total : null;
      }
    }
    throw RefusedException.function(
        n,
        n
            + " is translated between two offset literals ('+hh:mm', '-hh:mm'): MySQL reads time"
            + " zone names from its own time zone tables (NULL when they are not loaded), not "
            + e
            + ".");
  }

  /**
   * The date-time dt moved by the duration t (op "+" or "-"), as MySQL's ADDTIME/SUBTIME: NULL past
   * 9999-12-31 23:59:59; a result before year 1 (MySQL's year 0) fails on PostgreSQL.
   */
  private static void moved(PgExpressionDeParser d, String n, String op, Runnable dt, Runnable t) {
    String r = "({#0} " + op + " {#1})";
    d.template(
        "CASE WHEN "
            + r
            + " < TIMESTAMP '10000-01-01 00:00:00' AND "
            + r
            + " >= TIMESTAMP '0001-01-01 00:00:00' THEN "
            + r
            + " WHEN "
            + r
            + " < TIMESTAMP '0001-01-01 00:00:00' THEN CAST('"
            + n
            + " result before year 1: ' || CAST("
            + r
            + " AS text) AS timestamp) END",
        dt,
        t);
  }

  /**
   * A date-time operand as a PostgreSQL timestamp: a DATETIME/TIMESTAMP column without fractional
   * seconds, a TIMESTAMP literal, NULL, or (when strings are allowed) a string literal of a valid
   * 'YYYY-MM-DD hh:mm:ss'.
   */
  private static Runnable dateTime(
      PgExpressionDeParser d, String n, Expression e, boolean strings) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    if (c.isPresent()) {
      String type = c.get().mysqlType();
      String base = TypeMapping.baseType(type);
      if ((base.equals("datetime") || base.equals("timestamp"))
          && (strings || PgExpressionDeParser.fractionalDigits(type) == 0)) {
        // TIMEDIFF of DATETIME(n) columns is a TIME(n) (see timediffDigits); ADDTIME/SUBTIME's
        // DATETIME(n) result would carry digits the code around it does not know
        return () -> d.p(e);
      }
      if (base.equals("date") && !strings) {
        // ADDTIME/SUBTIME of a DATE column: MySQL 9.7.4 moves its midnight and returns a DATETIME
        // (ADDTIME(DATE '2025-03-17', TIME '14:30:00') is 2025-03-17 14:30:00)
        return () -> {
          d.a("CAST(");
          d.p(e);
          d.a(" AS timestamp)");
        };
      }
    } else if (e instanceof NullValue) {
      return () -> d.a("CAST(NULL AS timestamp)");
    } else if (timestampLiteral(e) != null) {
      String text = timestampLiteral(e);
      if (validDateTime(text)) {
        return () -> d.a("TIMESTAMP '").a(text).a("'");
      }
    } else if (strings
        && e instanceof StringValue s
        && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      String text = MysqlLexer.decodeCanonical(s.getValue());
      if (validDateTime(text)) {
        return () -> d.a("TIMESTAMP '").a(text).a("'");
      }
    }
    throw RefusedException.function(
        n,
        n
            + " is translated for date-times of known type without fractional seconds (a"
            + " DATETIME/TIMESTAMP column, a TIMESTAMP literal"
            + (strings ? "" : ", a DATE column")
            + (strings ? ", a string literal 'YYYY-MM-DD hh:mm:ss'" : "")
            + "): MySQL's result type and fractional digits follow its arguments, not "
            + e
            + ".");
  }

  /**
   * A TIMEDIFF operand of two TIMEs as a PostgreSQL time, or null: a TIME column without fractional
   * seconds (or its MIN/MAX), or a string literal 'h:mm:ss' below 24 hours (read as a TIME against
   * a TIME column). Their difference is within a day, positive or negative, as PostgreSQL's {@code
   * time - time}.
   */
  private static Runnable timeOfDay(PgExpressionDeParser d, Expression e) {
    if (timeColumn(d, e) != null) {
      return () -> d.p(e);
    }
    if (d.columnInfo(e).isPresent()) {
      return null;
    }
    if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      Matcher m = DURATION_TEXT.matcher(MysqlLexer.decodeCanonical(s.getValue()));
      if (m.matches() && m.group(1).isEmpty() && Integer.parseInt(m.group(2)) < 24) {
        String text =
            String.format(
                Locale.ROOT,
                "%02d:%02d:%02d",
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
        return () -> d.a("TIME '").a(text).a("'");
      }
    }
    return null;
  }

  /** The TIME column (without fractional seconds) that e is, or whose MIN/MAX it is; else null. */
  private static Expression timeColumn(PgExpressionDeParser d, Expression e) {
    Expression x = e;
    if (e instanceof Function f
        && f.getName() != null
        && java.util.Set.of("MIN", "MAX").contains(Functions.name(f))
        && Functions.params(f).size() == 1) {
      x = Functions.params(f).get(0);
    }
    return isWholeSecondTime(d, x) ? x : null;
  }

  /**
   * A duration operand as a PostgreSQL interval: a TIME column without fractional seconds, NULL, or
   * a string literal '[-]h:mm:ss' (minutes and seconds of one or two digits, below 60) of at most
   * 838:59:59.
   */
  private static Runnable duration(PgExpressionDeParser d, String n, Expression e) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    if (c.isPresent()) {
      String type = c.get().mysqlType();
      if (TypeMapping.baseType(type).equals("time")
          && PgExpressionDeParser.fractionalDigits(type) == 0) {
        return () -> {
          d.a("CAST(");
          d.p(e);
          d.a(" AS interval)");
        };
      }
    } else if (e instanceof NullValue) {
      return () -> d.a("CAST(NULL AS interval)");
    } else if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      Matcher m = DURATION_TEXT.matcher(MysqlLexer.decodeCanonical(s.getValue()));
      if (m.matches()) {
        long seconds =
            Long.parseLong(m.group(2)) * 3600
                + Long.parseLong(m.group(3)) * 60
                + Long.parseLong(m.group(4));
        if (seconds <= MAX_TIME_SECONDS) {
          long signed = m.group(1).isEmpty() ? seconds : -seconds;
          return () -> d.a("interval '").a(String.valueOf(signed)).a(" seconds'");
        }
      }
    }
    throw RefusedException.function(
        n,
        n
            + " is translated with a TIME column without fractional seconds or a string literal"
            + " '[-]h:mm:ss' up to 838:59:59 as its duration: MySQL's other duration forms"
            + " ('D hh:mm:ss', 'hhmmss', fractions, clamping past 838:59:59) are not, nor "
            + e
            + ".");
  }

  /** The text of a TIMESTAMP '...' literal (as either parse of it), else null. */
  private static String timestampLiteral(Expression e) {
    return literal(e, DateTimeLiteralExpression.DateTime.TIMESTAMP);
  }

  /** The text of a DATE '...' or TIMESTAMP '...' literal (as either parse of it), else null. */
  private static String literal(Expression e, DateTimeLiteralExpression.DateTime type) {
    if (e instanceof DateTimeLiteralExpression l && l.getType() == type) {
      return MysqlLexer.decodeCanonical(unquote(l.getValue()));
    }
    if (e instanceof net.sf.jsqlparser.expression.CastExpression c
        && c.isImplicitCast()
        && c.getLeftExpression() instanceof StringValue s
        && c.getColDataType() != null
        && c.getColDataType().getDataType().equalsIgnoreCase(type.name())) {
      return MysqlLexer.decodeCanonical(s.getValue());
    }
    return null;
  }

  /** 'YYYY-MM-DD', optionally ' hh:mm:ss'. */
  private static final Pattern DATE_OR_DATETIME_TEXT =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})( \\d{2}:\\d{2}:\\d{2})?");

  /**
   * A date or date-time operand as a PostgreSQL timestamp, as MySQL reads it as a DATETIME (see the
   * class notes); refused otherwise.
   */
  private static Runnable asDateTime(PgExpressionDeParser d, String n, Expression e) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    if (c.isPresent()) {
      String base = TypeMapping.baseType(c.get().mysqlType());
      if ((base.equals("date") || base.equals("datetime") || base.equals("timestamp"))
          && PgExpressionDeParser.fractionalDigits(c.get().mysqlType()) == 0) {
        return () -> {
          d.a("CAST(");
          d.p(e);
          d.a(" AS timestamp)");
        };
      }
    } else if (e instanceof NullValue) {
      return () -> d.a("CAST(NULL AS timestamp)");
    } else {
      String text = timestampLiteral(e);
      if (text == null) {
        text = literal(e, DateTimeLiteralExpression.DateTime.DATE);
      }
      if (text == null
          && e instanceof StringValue s
          && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
        text = MysqlLexer.decodeCanonical(s.getValue());
      }
      Matcher m = text == null ? null : DATE_OR_DATETIME_TEXT.matcher(text);
      if (m != null
          && m.matches()
          && validDateTime(m.group(1) + (m.group(2) == null ? " 00:00:00" : m.group(2)))) {
        String valid = text;
        return () -> d.a("TIMESTAMP '").a(valid).a("'");
      }
    }
    throw RefusedException.function(
        n,
        n
            + " is translated for a DATE, DATETIME or TIMESTAMP column without fractional seconds,"
            + " a DATE or TIMESTAMP literal, or a string literal of a valid 'YYYY-MM-DD["
            + " hh:mm:ss]': fractional seconds and MySQL's other readings of a date-time (numbers,"
            + " short forms, NULL for an invalid date) are not, nor "
            + e
            + ".");
  }

  private static String unquote(String literal) {
    String v = literal.trim();
    return v.length() >= 2 && v.startsWith("'") && v.endsWith("'")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /** A 'YYYY-MM-DD hh:mm:ss' of a real date and time from year 1 (MySQL reads others otherwise). */
  private static boolean validDateTime(String text) {
    if (!DATETIME_TEXT.matcher(text).matches()) {
      return false;
    }
    try {
      return LocalDateTime.parse(text, DATETIME).getYear() >= 1;
    } catch (DateTimeParseException ex) {
      return false;
    }
  }
}
