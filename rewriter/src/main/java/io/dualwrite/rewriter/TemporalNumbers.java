package io.dualwrite.rewriter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * A DATE, DATETIME, TIMESTAMP or TIME in arithmetic: MySQL reads it as the number its digits spell
 * ({@code DATE '2024-02-01'} is 20240201, a DATETIME 20240201101112, a DATETIME(3)
 * 20240201101112.120, a TIME 101112), so {@code d1 - d2} of two dates a day apart across a month is
 * 70 and {@code TIMESTAMP '2024-01-02' - TIMESTAMP '2024-01-01'} is 1000000. PostgreSQL's own
 * operators give a day count, a date or an interval instead, so such an operand is printed as that
 * number ({@code to_char} of its digits).
 */
final class TemporalNumbers {

  /** A temporal MySQL type as arithmetic reads it. */
  enum Kind {
    DATE("YYYYMMDD"),
    DATETIME("YYYYMMDDHH24MISS"),
    TIME("HH24MISS");

    final String digits;

    Kind(String digits) {
      this.digits = digits;
    }
  }

  /** The MySQL type of a temporal expression: its kind and fractional digits. */
  record Temporal(Kind kind, int fsp) {}

  private static final Set<String> DATE_FUNCTIONS =
      Set.of("CURDATE", "CURRENT_DATE", "UTC_DATE", "DATE", "LAST_DAY", "MAKEDATE", "FROM_DAYS");

  /** Functions whose DATETIME has the fractional digits their one optional argument names. */
  private static final Set<String> CLOCK_DATETIME =
      Set.of("NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE", "UTC_TIMESTAMP");

  private static final Set<String> CLOCK_TIME = Set.of("CURTIME", "CURRENT_TIME", "UTC_TIME");

  /** Window functions whose value is one of their argument's values. */
  private static final Set<String> VALUE_OF_ARGUMENT =
      Set.of("LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "MIN", "MAX");

  private static final DateTimeFormatter YYYYMMDD =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter YYYYMMDDHHMMSS =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private TemporalNumbers() {}

  /**
   * The MySQL temporal type of e when it is known to be one: a DATE, DATETIME, TIMESTAMP or TIME
   * column, a typed literal, a CAST to one, or a function whose result is one.
   */
  static Optional<Temporal> of(PgExpressionDeParser d, Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return of(d, (Expression) p.get(0));
    }
    if (e instanceof DateTimeLiteralExpression l) {
      return literal(l.getType().name(), l.getValue());
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      if (c.isImplicitCast()) {
        return literal(c.getColDataType().getDataType(), c.getLeftExpression().toString());
      }
      DdlPrinter.MysqlType mt = DdlPrinter.parseType(c.getColDataType(), null);
      String type = PgExpressionDeParser.upper(mt.name());
      int fsp = mt.args().size() == 1 ? parseDigits(mt.args().get(0)) : 0;
      return switch (type) {
        case "DATE" -> Optional.of(new Temporal(Kind.DATE, 0));
        case "DATETIME" -> Optional.of(new Temporal(Kind.DATETIME, fsp));
        case "TIME" -> Optional.of(new Temporal(Kind.TIME, fsp));
        default -> Optional.empty();
      };
    }
    if (e instanceof TimeKeyExpression t) {
      String k = PgExpressionDeParser.upper(t.getStringValue()).replace("()", "").trim();
      if (k.equals("CURRENT_DATE")) {
        return Optional.of(new Temporal(Kind.DATE, 0));
      }
      if (k.equals("CURRENT_TIME")) {
        return Optional.of(new Temporal(Kind.TIME, 0));
      }
      return CLOCK_DATETIME.contains(k)
          ? Optional.of(new Temporal(Kind.DATETIME, 0))
          : Optional.empty();
    }
    if (e instanceof AnalyticExpression a
        && a.getName() != null
        && VALUE_OF_ARGUMENT.contains(PgExpressionDeParser.upper(a.getName()))
        && a.getExpression() != null) {
      // LAG(booked_at) OVER (...), MIN(d) OVER (...): a value of the argument
      return of(d, a.getExpression());
    }
    if (e instanceof Function f
        && f.getName() != null
        && Set.of("MIN", "MAX").contains(Functions.name(f))
        && Functions.params(f).size() == 1) {
      return of(d, Functions.params(f).get(0));
    }
    if (e instanceof Function f
        && f.getName() != null
        && Set.of("COALESCE", "IFNULL", "IF").contains(Functions.name(f))) {
      List<Expression> args = Functions.params(f);
      boolean conditional = Functions.name(f).equals("IF") && !args.isEmpty();
      return common(d, conditional ? args.subList(1, args.size()) : args);
    }
    if (e instanceof net.sf.jsqlparser.expression.CaseExpression k) {
      List<Expression> results = new java.util.ArrayList<>();
      k.getWhenClauses().forEach(w -> results.add(w.getThenExpression()));
      if (k.getElseExpression() != null) {
        results.add(k.getElseExpression());
      }
      return common(d, results);
    }
    if (e instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect ps
        && ps.getSelect() instanceof net.sf.jsqlparser.statement.select.PlainSelect p
        && p.getSelectItems() != null
        && p.getSelectItems().size() == 1) {
      // (SELECT MAX(d) FROM t): its one item's type, its table put in scope to type it
      if (p.getFromItem() instanceof net.sf.jsqlparser.schema.Table t && p.getJoins() == null) {
        d.ctx.addTableToScope(t);
        return of(d, p.getSelectItems().get(0).getExpression());
      }
      return Optional.empty();
    }
    if (e instanceof Function f && DurationFunctions.isTimeOfDayResult(d, f)) {
      return Optional.of(new Temporal(Kind.TIME, 0)); // ADDTIME(time_col, '01:00:00')
    }
    if (e instanceof Function f) {
      return ofFunction(f);
    }
    Optional<ColumnInfo> c = d.columnInfo(e);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    String type = c.get().mysqlType();
    int fsp = PgExpressionDeParser.fractionalDigits(type);
    return switch (TypeMapping.baseType(type)) {
      case "date" -> Optional.of(new Temporal(Kind.DATE, 0));
      case "datetime", "timestamp" -> Optional.of(new Temporal(Kind.DATETIME, fsp));
      case "time" -> Optional.of(new Temporal(Kind.TIME, fsp));
      default -> Optional.empty();
    };
  }

  /**
   * The one temporal type of the values IF/IFNULL/COALESCE/CASE may give (NULLs aside), when they
   * all have it.
   */
  private static Optional<Temporal> common(PgExpressionDeParser d, List<Expression> values) {
    Temporal type = null;
    for (Expression v : values) {
      if (v instanceof net.sf.jsqlparser.expression.NullValue) {
        continue;
      }
      Optional<Temporal> t = of(d, v);
      if (t.isEmpty() || (type != null && !type.equals(t.get()))) {
        return Optional.empty();
      }
      type = t.get();
    }
    return Optional.ofNullable(type);
  }

  /** The MySQL temporal type of a function's result, when the function gives one. */
  static Optional<Temporal> ofFunction(Function f) {
    return f.getName() == null
        ? Optional.empty()
        : function(Functions.name(f), Functions.params(f));
  }

  private static Optional<Temporal> function(String n, List<Expression> args) {
    if (DATE_FUNCTIONS.contains(n)) {
      return Optional.of(new Temporal(Kind.DATE, 0));
    }
    if (DurationFunctions.DATETIME_VALUED.contains(n)) {
      // (fractional inputs are refused there; ADDTIME of a TIME column is a TIME: of() asks first)
      return Optional.of(new Temporal(Kind.DATETIME, 0));
    }
    boolean clockDateTime = CLOCK_DATETIME.contains(n);
    if (clockDateTime || CLOCK_TIME.contains(n)) {
      if (args.size() > 1 || (args.size() == 1 && !(args.get(0) instanceof LongValue))) {
        return Optional.empty();
      }
      int fsp = args.isEmpty() ? 0 : (int) Math.min(6, ((LongValue) args.get(0)).getValue());
      return Optional.of(new Temporal(clockDateTime ? Kind.DATETIME : Kind.TIME, fsp));
    }
    return Optional.empty();
  }

  /** {@code DATE '...'}, {@code TIMESTAMP '... .123'}, {@code TIME '...'}. */
  private static Optional<Temporal> literal(String type, String quoted) {
    String v = quoted.trim();
    int dot = v.lastIndexOf('.');
    int fsp = 0;
    if (dot >= 0) {
      int end = dot + 1;
      while (end < v.length() && Character.isDigit(v.charAt(end))) {
        end++;
      }
      fsp = Math.min(6, end - dot - 1);
    }
    return switch (PgExpressionDeParser.upper(type)) {
      case "DATE" -> Optional.of(new Temporal(Kind.DATE, 0));
      case "TIMESTAMP", "DATETIME" -> Optional.of(new Temporal(Kind.DATETIME, fsp));
      case "TIME" -> Optional.of(new Temporal(Kind.TIME, fsp));
      default -> Optional.empty();
    };
  }

  private static int parseDigits(String s) {
    try {
      return Math.max(0, Math.min(6, Integer.parseInt(s.trim())));
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  /**
   * Prints e, of MySQL type t, as MySQL's number for it: a bigint without fractional digits, a
   * numeric with exactly fsp of them (MySQL's DECIMAL: a DATETIME(3)'s {@code .120} stays three
   * digits).
   */
  static void printNumber(PgExpressionDeParser d, Expression e, Temporal t) {
    d.a("CAST(to_char(");
    d.value(e);
    d.a(", '").a(t.kind().digits);
    if (t.fsp() > 0) {
      d.a(".FF").a(String.valueOf(t.fsp()));
    }
    d.a("') AS ").a(t.fsp() > 0 ? "numeric" : "bigint").a(")");
  }

  /**
   * An integer literal compared with a DATE or DATETIME ({@code opened_on < 20210101}): MySQL reads
   * a valid YYYYMMDD, YYMMDD or YYYYMMDDhhmmss as that date-time, so it is printed as a DATE or
   * TIMESTAMP literal (PostgreSQL has no date-integer comparison). Returns false (nothing printed)
   * when {@code e} is not such a literal or {@code other} not such an operand.
   */
  static boolean printAsDateLiteral(PgExpressionDeParser d, Expression e, Expression other) {
    Optional<Temporal> against = of(d, other).filter(t -> t.kind() != Kind.TIME);
    if (!(e instanceof LongValue v) || against.isEmpty()) {
      return false;
    }
    boolean againstDate = against.get().kind() == Kind.DATE; // MySQL drops a time of day there
    String digits = v.getStringValue();
    if (digits.length() == 6) {
      int yy = Integer.parseInt(digits.substring(0, 2));
      digits = (yy < 70 ? "20" : "19") + digits; // MySQL's two-digit years
    }
    try {
      if (digits.length() == 8) {
        LocalDate date = LocalDate.parse(digits, YYYYMMDD);
        d.a("DATE '").a(date.toString()).a("'");
        return true;
      }
      if (digits.length() == 14) {
        LocalDateTime t = LocalDateTime.parse(digits, YYYYMMDDHHMMSS);
        if (againstDate) {
          d.a("DATE '").a(t.toLocalDate().toString()).a("'");
        } else {
          d.a("TIMESTAMP '").a(t.format(ISO_TEXT)).a("'");
        }
        return true;
      }
      return false;
    } catch (DateTimeException ex) {
      return false; // not a date MySQL reads: left to PostgreSQL, which refuses date < integer
    }
  }

  /**
   * Whether v is arithmetic MySQL computes on a date-time's number ({@code d + 1}, {@code dt - 1}):
   * its value is a number, not a date-time ({@code + INTERVAL} is date arithmetic, not this).
   */
  static boolean isArithmeticOfTemporal(PgExpressionDeParser d, Expression v) {
    if (v instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return isArithmeticOfTemporal(d, (Expression) p.get(0));
    }
    if (v instanceof net.sf.jsqlparser.expression.SignedExpression s) {
      return of(d, s.getExpression()).isPresent() || isArithmeticOfTemporal(d, s.getExpression());
    }
    if (!(v instanceof net.sf.jsqlparser.expression.BinaryExpression b)
        || !(v instanceof net.sf.jsqlparser.expression.operators.arithmetic.Addition
            || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.Subtraction
            || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.Multiplication
            || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.Division
            || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision
            || v instanceof net.sf.jsqlparser.expression.operators.arithmetic.Modulo)
        || b.getLeftExpression() instanceof net.sf.jsqlparser.expression.IntervalExpression
        || b.getRightExpression() instanceof net.sf.jsqlparser.expression.IntervalExpression) {
      return false;
    }
    return of(d, b.getLeftExpression()).isPresent()
        || of(d, b.getRightExpression()).isPresent()
        || isArithmeticOfTemporal(d, b.getLeftExpression())
        || isArithmeticOfTemporal(d, b.getRightExpression());
  }

  /**
   * Prints the number v, written into a DATE, DATETIME or TIMESTAMP column, as the date-time its
   * digits spell, as MySQL stores it ({@code SET d = d + 1}: 20240202 is 2024-02-02; YYYYMMDDhhmmss
   * a date-time). A number that spells no date-time (20240132, a fraction) fails on PostgreSQL, as
   * MySQL's strict mode fails the statement.
   */
  static void printStoredAsDateTime(PgExpressionDeParser d, Expression v, String pgType) {
    d.a("CAST(regexp_replace(CAST(");
    d.value(v);
    d.a(" AS text), '^([0-9]{8})([0-9]{6})$', '\\1T\\2') AS ").a(pgType).a(")");
  }

  /** Prints e as MySQL's number when it is temporal; returns false (nothing printed) otherwise. */
  static boolean printIfTemporal(PgExpressionDeParser d, Expression e) {
    Optional<Temporal> t = of(d, e);
    if (t.isEmpty()) {
      return false;
    }
    printNumber(d, e, t.get());
    return true;
  }
}
