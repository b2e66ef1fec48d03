package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;
import static io.dualwrite.rewriter.Functions.integer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;

/**
 * MySQL's calendar arithmetic that PostgreSQL has no single function for: week numbers in MySQL's
 * eight modes (WEEK, YEARWEEK), MAKEDATE, periods (PERIOD_ADD, PERIOD_DIFF), day and second counts
 * from MySQL's year 0 (FROM_DAYS, TO_SECONDS) and TIME_TO_SEC. Each is written out in PostgreSQL
 * date arithmetic from MySQL's own definition (sql/sql_time.cc, item_timefunc.cc), arguments that
 * are evaluated more than once are limited to {@link Functions#repeatable} ones.
 */
final class CalendarFunctions {

  /** The MySQL functions this family prints, by upper-case name. */
  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("WEEK", CalendarFunctions::week),
          Map.entry("YEARWEEK", CalendarFunctions::week),
          Map.entry("MAKEDATE", CalendarFunctions::makeDate),
          Map.entry("PERIOD_ADD", CalendarFunctions::periodAdd),
          Map.entry("PERIOD_DIFF", CalendarFunctions::periodDiff),
          Map.entry("FROM_DAYS", CalendarFunctions::fromDays),
          Map.entry("TO_SECONDS", CalendarFunctions::toSeconds),
          Map.entry("TIME_TO_SEC", CalendarFunctions::timeToSec),
          Map.entry("SEC_TO_TIME", CalendarFunctions::secToTime),
          Map.entry("MAKETIME", CalendarFunctions::makeTime),
          Map.entry("TIME_FORMAT", CalendarFunctions::timeFormat));

  private CalendarFunctions() {}

  /**
   * WEEK(d[, mode]) and YEARWEEK(d[, mode]), MySQL's calc_week() for a literal mode 0..7 (without a
   * mode: 0, the default of default_week_format). The mode's bits: 1, weeks start on Monday (else
   * Sunday); 2, a week belongs to a year of its own (1..53, the days before week 1 are the last
   * week of the year before; YEARWEEK always); 4 after MySQL's flip for Sunday modes, week 1 is the
   * first week starting on the first weekday, else the first week with 4 or more days in the year.
   * Week 1 of year Y then starts on the first weekday on or before Jan 7 (or Jan 4 for the 4-day
   * rule); with a year of its own, a date on or after next year's week 1 (possible only with the
   * 4-day rule) is week 1 of the next year.
   */
  private static void week(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 2);
    long mode = args.size() == 2 ? integer(n, args.get(1), "the mode") : 0;
    if (mode < 0 || mode > 7) {
      throw RefusedException.function(
          n, n + " is translated for the modes 0 to 7 (MySQL takes the mode's low three bits).");
    }
    Expression arg = args.get(0);
    Functions.repeatable(n, arg);
    refuseTime(d, n, arg);
    boolean mondayFirst = (mode & 1) != 0;
    boolean yearWeek = n.equals("YEARWEEK");
    boolean ownYear = yearWeek || (mode & 2) != 0;
    boolean firstWeekday = ((mode & 4) != 0) != !mondayFirst;
    String date = "CAST({#0} AS date)";
    String year = "CAST(date_trunc('year', " + date + ") AS date)";
    int anchor = firstWeekday ? 6 : 3; // days after Jan 1 that week 1 contains
    String thisStart = weekStart(year + " + " + anchor, mondayFirst);
    String nextStart =
        weekStart("CAST(" + year + " + INTERVAL '1 year' AS date) + " + anchor, mondayFirst);
    String prevStart =
        weekStart("CAST(" + year + " - INTERVAL '1 year' AS date) + " + anchor, mondayFirst);
    String start = weekStart(date, mondayFirst);
    String y = "CAST(EXTRACT(YEAR FROM " + date + ") AS integer)";
    StringBuilder t = new StringBuilder("CASE WHEN " + date + " IS NULL THEN NULL");
    if (ownYear && !firstWeekday) {
      t.append(" WHEN ").append(date).append(" >= ").append(nextStart).append(" THEN ");
      t.append(yearWeek ? "(" + y + " + 1) * 100 + 1" : "1");
    }
    t.append(" WHEN ").append(date).append(" >= ").append(thisStart).append(" THEN ");
    t.append(yearWeek ? y + " * 100 + " : "");
    t.append("(").append(start).append(" - ").append(thisStart).append(") / 7 + 1 ELSE ");
    if (ownYear) {
      t.append(yearWeek ? "(" + y + " - 1) * 100 + " : "");
      t.append("(").append(start).append(" - ").append(prevStart).append(") / 7 + 1");
    } else {
      t.append("0");
    }
    t.append(" END");
    d.template(t.toString(), () -> d.dateOperand(arg));
  }

  /** The first day (Sunday or Monday) of the week of PostgreSQL date expression {@code date}. */
  private static String weekStart(String date, boolean mondayFirst) {
    return mondayFirst
        ? "(" + date + " - (CAST(EXTRACT(ISODOW FROM " + date + ") AS integer) - 1))"
        : "(" + date + " - CAST(EXTRACT(DOW FROM " + date + ") AS integer))";
  }

  /** The type of a typed literal ({@code TIME '10:00:00'}, DATE, TIMESTAMP), else "". */
  private static String typedLiteral(Expression e) {
    if (e instanceof DateTimeLiteralExpression t) {
      return t.getType().name();
    }
    if (e instanceof net.sf.jsqlparser.expression.CastExpression c
        && c.isImplicitCast()
        && c.getLeftExpression() instanceof StringValue
        && c.getColDataType() != null) {
      return c.getColDataType().getDataType().toUpperCase(java.util.Locale.ROOT);
    }
    return "";
  }

  /** A TIME column: MySQL reads it as a date-time of the current day. */
  private static void refuseTime(PgExpressionDeParser d, String n, Expression e) {
    Optional<ColumnInfo> c = d.columnInfo(e);
    if ((c.isPresent() && TypeMapping.baseType(c.get().mysqlType()).equals("time"))
        || typedLiteral(e).equals("TIME")) {
      throw RefusedException.function(
          n, n + " of a TIME reads it as a time of the current day in MySQL; not translated.");
    }
  }

  /**
   * MAKEDATE(year, dayofyear): years 0..69 are 2000..2069 and 70..99 1970..1999; NULL for a day of
   * year below 1, a year outside 0..9999 or a result after 9999-12-31. Integer arguments only
   * (MySQL rounds a DECIMAL and reads a string as a number first).
   */
  private static void makeDate(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    Runnable y = Functions.integerOperand(d, n, args.get(0));
    Runnable doy = Functions.integerOperand(d, n, args.get(1));
    String year =
        "CAST(CASE WHEN {#0} < 70 THEN {#0} + 2000 WHEN {#0} < 100 THEN {#0} + 1900 ELSE {#0} END AS integer)";
    d.template(
        // nested: PostgreSQL evaluates AND operands in any order, make_date must see a valid year
        "CASE WHEN {#0} BETWEEN 0 AND 9999 AND {#1} >= 1 THEN CASE WHEN {#1} <= DATE '9999-12-31' -"
            + " make_date("
            + year
            + ", 1, 1) + 1 THEN make_date("
            + year
            + ", 1, 1) + CAST({#1} AS integer) - 1 END END",
        y,
        doy);
  }

  /**
   * PERIOD_ADD(P, N): P (YYMM or YYYYMM; YY below 70 is 20YY, else 19YY) plus N months, as YYYYMM.
   * MySQL 8+ rejects a period whose month is not 1..12 (and 0) with "Incorrect arguments to
   * period_add"; PostgreSQL then fails too. A month count below 0 (MySQL wraps it to a meaningless
   * 64-bit number) fails on PostgreSQL as well.
   */
  private static void periodAdd(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    String months = "(" + months("{#0}") + " + {#1})";
    d.template(
        "CASE WHEN "
            + validPeriod("{#0}")
            + " AND "
            + months
            + " >= 0 THEN ("
            + months
            + " / 12) * 100 + "
            + months
            + " % 12 + 1 ELSE CAST('Incorrect arguments to period_add: ' || {#0} || ', ' || {#1}"
            + " AS bigint) END",
        period(d, n, args.get(0)),
        Functions.integerOperand(d, n, args.get(1)));
  }

  /** PERIOD_DIFF(P1, P2): the months between two periods; invalid periods fail as in MySQL 8+. */
  private static void periodDiff(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    d.template(
        "CASE WHEN "
            + validPeriod("{#0}")
            + " AND "
            + validPeriod("{#1}")
            + " THEN "
            + months("{#0}")
            + " - "
            + months("{#1}")
            + " ELSE CAST('Incorrect arguments to period_diff: ' || {#0} || ', ' || {#1} AS bigint)"
            + " END",
        period(d, n, args.get(0)),
        period(d, n, args.get(1)));
  }

  /**
   * A period operand: an integer ({@link Functions#integerOperand}), or DATE_FORMAT(d, '%Y%m'),
   * whose digits MySQL reads as that integer ({@code PERIOD_DIFF(DATE_FORMAT(a, '%Y%m'),
   * DATE_FORMAT(b, '%Y%m'))}, the months between two dates' months).
   */
  private static Runnable period(PgExpressionDeParser d, String n, Expression e) {
    if (e instanceof Function f
        && f.getName() != null
        && Functions.name(f).equals("DATE_FORMAT")
        && Functions.params(f).size() == 2
        && Functions.params(f).get(1) instanceof StringValue format
        && MysqlLexer.decodeCanonical(format.getValue()).equals("%Y%m")) {
      return () -> {
        d.a("CAST(");
        d.value(e);
        d.a(" AS bigint)");
      };
    }
    return Functions.integerOperand(d, n, e);
  }

  /** MySQL's valid_period(): a positive period whose month is 1..12 (NULL stays NULL). */
  private static String validPeriod(String p) {
    return "(" + p + " IS NULL OR (" + p + " > 0 AND " + p + " % 100 BETWEEN 1 AND 12))";
  }

  /** MySQL's convert_period_to_month() of a valid period. */
  private static String months(String p) {
    String y = "(" + p + " / 100)";
    return "(CASE WHEN "
        + y
        + " < 70 THEN "
        + y
        + " + 2000 WHEN "
        + y
        + " < 100 THEN "
        + y
        + " + 1900 ELSE "
        + y
        + " END * 12 + "
        + p
        + " % 100 - 1)";
  }

  /**
   * FROM_DAYS(n): the date n days after MySQL's day 0 (day 366 is 0001-01-01); NULL below 1 and
   * above 3652424 (9999-12-31). Days 1..365 are dates of MySQL's year 0, which PostgreSQL has no
   * counterpart for (its year before 1 is 1 BC, a leap year): PostgreSQL fails on them.
   */
  private static void fromDays(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.template(
        "CASE WHEN {#0} < 1 OR {#0} > 3652424 THEN NULL WHEN {#0} < 366 THEN CAST('FROM_DAYS ' || {#0}"
            + " || ' is a date of MySQL''s year 0' AS date) ELSE DATE '0001-01-01' + CAST({#0} AS"
            + " integer) - 366 END",
        Functions.integerOperand(d, n, args.get(0)));
  }

  /** TO_SECONDS(d): seconds since MySQL's day 0 (TO_DAYS(d) * 86400 plus the whole seconds). */
  private static void toSeconds(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression arg = args.get(0);
    Functions.repeatable(n, arg);
    refuseTime(d, n, arg);
    d.template(
        "(CAST(CAST(CAST({#0} AS timestamp) AS date) - DATE '0001-01-01' + 366 AS bigint) * 86400"
            + " + CAST(floor(EXTRACT(EPOCH FROM CAST(CAST({#0} AS timestamp) AS time))) AS bigint))",
        () -> d.dateOperand(arg));
  }

  private static final Pattern DURATION = Pattern.compile("-?([0-9]{1,3}):[0-5][0-9]:[0-5][0-9]");

  /**
   * TIME_TO_SEC(t): the whole seconds of a time (MySQL 8+ drops the fraction; MariaDB keeps it). A
   * TIME column (PostgreSQL time, within a day), a DATE/DATETIME/TIMESTAMP column (its time of
   * day), a TIME or TIMESTAMP literal, or a string literal 'hh:mm:ss' (negative and up to 838:59:59
   * allowed, read by PostgreSQL as an interval) is translated; other strings (MySQL's lax forms:
   * '1:2', '123456', days, fractions) are refused.
   */
  private static void timeToSec(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    Expression e = args.get(0);
    if (e instanceof StringValue sv && (sv.getPrefix() == null || sv.getPrefix().isEmpty())) {
      String v = MysqlLexer.decodeCanonical(sv.getValue());
      java.util.regex.Matcher m = DURATION.matcher(v);
      if (!m.matches() || Integer.parseInt(m.group(1)) > 838) {
        throw RefusedException.function(
            n,
            n
                + " of a string is translated for a literal 'hh:mm:ss' (hours up to 838, maybe"
                + " negative): MySQL reads other strings by rules of its own.");
      }
      d.a("CAST(EXTRACT(EPOCH FROM CAST('").a(v).a("' AS interval)) AS bigint)");
      return;
    }
    if (e instanceof net.sf.jsqlparser.expression.NullValue) {
      d.a("CAST(NULL AS bigint)");
      return;
    }
    Optional<ColumnInfo> c = d.columnInfo(e);
    String type = c.isPresent() ? TypeMapping.baseType(c.get().mysqlType()) : "";
    String literal = typedLiteral(e);
    // a TIMEDIFF is a TIME without fractional seconds (DurationFunctions translates no other)
    boolean time =
        type.equals("time")
            || literal.equals("TIME")
            || (e instanceof Function g && "TIMEDIFF".equalsIgnoreCase(g.getName()));
    boolean dateTime = TypeMapping.isTemporal(type) || literal.matches("DATE|DATETIME|TIMESTAMP");
    if (!time && !dateTime) {
      throw RefusedException.function(
          n,
          n
              + " is translated for a TIME/DATETIME/TIMESTAMP/DATE column or literal, a TIMEDIFF, or a"
              + " string literal 'hh:mm:ss': MySQL reads other arguments as durations by rules of"
              + " its own.");
    }
    if (e instanceof Function g && "TIMEDIFF".equalsIgnoreCase(g.getName())) {
      // the whole duration: a TIMEDIFF longer than a day has its seconds too; MySQL cuts a
      // negative one's fraction toward zero (-01:30:00.750 is -5400)
      d.a("CAST(trunc(EXTRACT(EPOCH FROM ");
      DurationFunctions.timediffInterval(d, g);
      d.a(")) AS bigint)");
      return;
    }
    d.a(time ? "CAST(floor(EXTRACT(EPOCH FROM " : "CAST(floor(EXTRACT(EPOCH FROM CAST(CAST(");
    d.p(e);
    d.a(time ? ")) AS bigint)" : " AS timestamp) AS time))) AS bigint)");
  }

  /**
   * SEC_TO_TIME(n) of an integer: the TIME n seconds long. PostgreSQL's time holds a time of day,
   * so 0..86399 is translated exactly and a result outside a day (MySQL's negative and longer
   * durations, up to 838:59:59) fails on PostgreSQL rather than wrapping; except as a result column
   * ({@link PrintContext#durationResults}), where it is an interval of any length.
   */
  private static void secToTime(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (d.ctx.durationResults.contains(f)) {
      // a result column: the whole duration, as MySQL prints it ('276:00:00', '-01:00:00'),
      // limited to MySQL's TIME range as MySQL limits it
      d.template(
          "CASE WHEN {#0} IS NOT NULL THEN make_interval(secs => least(greatest({#0}, -"
              + DurationFunctions.TIME_RANGE_SECONDS
              + "), "
              + DurationFunctions.TIME_RANGE_SECONDS
              + ")) END",
          Functions.integerOperand(d, n, args.get(0)));
      return;
    }
    d.template(
        "CASE WHEN {#0} BETWEEN 0 AND 86399 THEN CAST(make_interval(secs => {#0}) AS time(0)) ELSE"
            + " CAST('SEC_TO_TIME ' || {#0} || ' is a duration outside a day' AS time) END",
        Functions.integerOperand(d, n, args.get(0)));
  }

  /**
   * MAKETIME(h, m, s) of integers: NULL when m or s is outside 0..59 (or any is NULL), the time
   * otherwise. Hours outside 0..23 (MySQL's durations) fail on PostgreSQL, whose time is a time of
   * day.
   */
  private static void makeTime(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, 3);
    d.template(
        "CASE WHEN {#1} NOT BETWEEN 0 AND 59 OR {#2} NOT BETWEEN 0 AND 59 THEN NULL WHEN {#0}"
            + " BETWEEN 0 AND 23 THEN make_time(CAST({#0} AS integer), CAST({#1} AS integer),"
            + " {#2}) ELSE CAST('MAKETIME hour ' || {#0} || ' is a duration outside a day' AS time)"
            + " END",
        Functions.integerOperand(d, n, args.get(0)),
        Functions.integerOperand(d, n, args.get(1)),
        Functions.integerOperand(d, n, args.get(2)));
  }

  /** A string literal TIME_FORMAT reads as the same time of day on both: 'hh:mm:ss', hh 0..23. */
  private static final Pattern TIME_OF_DAY =
      Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]");

  /** The MySQL specifiers TIME_FORMAT prints (the others give NULL in MySQL). */
  private static final String TIME_SPECIFIERS = "HkhIlisSfprT%";

  /**
   * TIME_FORMAT(t, format) of a TIME column or literal (PostgreSQL's time, within a day, where
   * MySQL's hour specifiers agree with DATE_FORMAT's) and a literal format of hour, minute, second,
   * microsecond and AM/PM specifiers (a string literal 'hh:mm:ss' within a day is that TIME; a
   * DATETIME/TIMESTAMP column is the TIME of its time of day); a format with a date specifier (NULL
   * in MySQL), other strings and date-time expressions are refused.
   */
  private static void timeFormat(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    Expression e = args.get(0);
    // a string 'hh:mm:ss' within a day: MySQL reads the TIME that PostgreSQL's TIME literal is
    String timeOfDay =
        e instanceof StringValue sv
                && (sv.getPrefix() == null || sv.getPrefix().isEmpty())
                && TIME_OF_DAY.matcher(MysqlLexer.decodeCanonical(sv.getValue())).matches()
            ? MysqlLexer.decodeCanonical(sv.getValue())
            : null;
    Optional<ColumnInfo> c = d.columnInfo(e);
    // a DATETIME/TIMESTAMP column: MySQL converts it to the TIME of its time of day
    boolean dateTime =
        c.isPresent()
            && Set.of("datetime", "timestamp").contains(TypeMapping.baseType(c.get().mysqlType()));
    boolean time =
        dateTime
            || timeOfDay != null
            || (c.isPresent() && TypeMapping.baseType(c.get().mysqlType()).equals("time"))
            || typedLiteral(e).equals("TIME")
            || e instanceof net.sf.jsqlparser.expression.NullValue;
    if (!time) {
      throw RefusedException.function(
          n,
          n
              + " is translated for a TIME column or literal: MySQL reads a string or a date-time"
              + " as a duration of its own.");
    }
    String format = Functions.literal(n, args.get(1), "the format");
    for (int i = 0; i < format.length() - 1; i++) {
      if (format.charAt(i) == '%') {
        if (TIME_SPECIFIERS.indexOf(format.charAt(i + 1)) < 0) {
          throw RefusedException.function(
              n,
              n
                  + " with %"
                  + format.charAt(i + 1)
                  + " is not translated (MySQL gives NULL for it).");
        }
        i++;
      }
    }
    DateFormats.Template t = DateFormats.toPostgres(format, false);
    d.a("to_char(DATE '2000-01-01' + ");
    if (timeOfDay != null) {
      d.a("TIME '").a(timeOfDay).a("'");
    } else if (e instanceof net.sf.jsqlparser.expression.NullValue) {
      d.a("CAST(NULL AS time)");
    } else if (dateTime) {
      d.a("CAST(");
      d.p(e);
      d.a(" AS time)");
    } else {
      d.p(e);
    }
    d.a(", '").a(t.pattern().replace("'", "''")).a("')");
  }
}
