package io.dualwrite.driver.vendor;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * What MySQL would say of a computed result column that PostgreSQL served: the type of {@code SUM},
 * {@code AVG}, {@code MIN}/{@code MAX}, arithmetic ({@code +}, {@code -}, {@code *}, {@code /})
 * and, where noted, numeric functions, and whether an expression can be NULL. The two databases
 * type these differently: PostgreSQL's {@code sum} of an {@code integer} is a {@code bigint} where
 * MySQL's is a {@code DECIMAL} (so {@code getObject} gave a {@code Long} instead of a {@code
 * BigDecimal}), and PostgreSQL's {@code numeric} results carry no scale where MySQL states one.
 *
 * <p>MySQL's rules ({@code Item_sum_sum}, {@code Item_sum_avg}, {@code div_precision_increment} =
 * 4): the {@code SUM} of an integer or {@code DECIMAL(p,s)} argument is {@code DECIMAL(p + 22, s)}
 * (an integer counts its digits: {@code TINYINT} 3, {@code SMALLINT} 5, {@code MEDIUMINT} 7, {@code
 * INT} 10, {@code BIGINT} 19), its {@code AVG} is {@code DECIMAL(p + 4, s + 4)}; precision is
 * capped at 65 and scale at 30; both of a {@code FLOAT}/{@code DOUBLE} are {@code DOUBLE}. The
 * argument's type is known when it is a table column the schema catalog knows; otherwise only
 * PostgreSQL's {@code bigint} sum (necessarily of an integer no wider than {@code INT}) is retyped.
 *
 * <p>{@code MIN}/{@code MAX} have their argument's type ({@code BIGINT UNSIGNED} stays one, {@code
 * YEAR} stays a {@code YEAR}); integer {@code +}, {@code -}, {@code *} is a {@code BIGINT},
 * unsigned when either operand is, where PostgreSQL keeps {@code integer}/{@code bigint} and loses
 * the unsignedness. {@code ROUND}/{@code TRUNCATE}/{@code ABS}/{@code CEIL}/{@code FLOOR} of a
 * {@code FLOAT}/{@code DOUBLE} are a {@code DOUBLE}, where the rewriter computes them on {@code
 * numeric}. Everything this class cannot type for sure (an unknown column, a string or date
 * operand) is null: PostgreSQL's type is kept.
 *
 * <p>Thread safety: stateless.
 */
public final class ExpressionTypes {
  private static final int SUM_EXTRA_DIGITS = 22;
  private static final int DIV_PRECISION_INCREMENT = 4;
  private static final int MAX_PRECISION = 65;
  private static final int MAX_SCALE = 30;

  private ExpressionTypes() {}

  /**
   * The MySQL type of select-list expression {@code e}, when it is one this class types (see the
   * class notes) and its operands' types are known.
   *
   * @param e the MySQL select-list expression
   * @param pgTypeName pgjdbc's type name of the result column ({@code int8}, {@code numeric}, ...)
   * @param columns the MySQL type of a column reference, or null when unknown
   * @return the MySQL type, or null to keep the type derived from PostgreSQL's
   */
  public static MysqlColumnType of(
      Expression e, String pgTypeName, Function<Column, MysqlColumnType> columns) {
    return of(e, pgTypeName, columns, true);
  }

  /**
   * As {@link #of(Expression, String, Function)}, for the MySQL-side server the driver is connected
   * to: MySQL 8+ types integer functions ({@code LENGTH}, {@code CHAR_LENGTH}, {@code DATEDIFF})
   * and integer arithmetic of literals as {@code BIGINT} where MariaDB says {@code INT}, and states
   * no scale for a {@code ROUND}/{@code TRUNCATE} of a {@code FLOAT}/{@code DOUBLE}.
   *
   * @param mariaDb whether the MySQL side is MariaDB
   */
  public static MysqlColumnType of(
      Expression e, String pgTypeName, Function<Column, MysqlColumnType> columns, boolean mariaDb) {
    if (e instanceof Parenthesis p) {
      return of(p.getExpression(), pgTypeName, columns, mariaDb);
    }
    if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
      return of(l.get(0), pgTypeName, columns, mariaDb);
    }
    if ((isPgInteger(pgTypeName) || "numeric".equals(pgTypeName)) && unsignedBigint(e, mariaDb)) {
      return bigint(true);
    }
    if (!mariaDb && isPgInteger(pgTypeName) && mysqlBigintOnly(e, columns)) {
      return bigint(false);
    }
    if (!mariaDb && isPgInteger(pgTypeName) && isFunction(e, "YEAR")) {
      // MySQL 8+ types YEAR(date) as a YEAR (Connector/J: java.sql.Date), MariaDB as an INT
      return new MysqlColumnType("year", 4, -1, true, java.util.List.of());
    }
    if (e instanceof Column c) {
      // a table column PostgreSQL serves through an expression (a case-insensitive GROUP BY
      // column is read as min(col)): still the column's type
      return columns.apply(c);
    }
    if (e instanceof Division d) {
      return division(d, columns);
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication) {
      return arithmetic((BinaryExpression) e, columns);
    }
    String name;
    Expression argument;
    if (e instanceof AnalyticExpression a && a.getName() != null) {
      // SUM(x) OVER (...): typed as SUM(x)
      name = a.getName().toUpperCase(Locale.ROOT);
      argument = a.getExpression();
    } else if (e instanceof net.sf.jsqlparser.expression.Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1
        && !f.isAllColumns()) {
      name = f.getName().toUpperCase(Locale.ROOT);
      ExpressionList<?> args = f.getParameters();
      argument = args != null && args.size() == 1 ? args.get(0) : null;
    } else {
      return null;
    }
    if (name.equals("MIN") || name.equals("MAX")) {
      return minMax(argument, columns);
    }
    if (e instanceof net.sf.jsqlparser.expression.Function f) {
      switch (name) {
        case "ROUND", "TRUNCATE" -> {
          MysqlColumnType t = round(f, name.equals("TRUNCATE"), columns);
          // MySQL 8+ states no digits for a FLOAT/DOUBLE result (Connector/J's getScale 0)
          return !mariaDb && t != null && t.name().equals("double") ? DOUBLE : t;
        }
        case "ABS", "CEIL", "CEILING", "FLOOR" -> {
          return argument == null ? null : numericFunction(name, argument, columns);
        }
        default -> {
          // typed below, or not at all
        }
      }
    }
    boolean sum = name.equals("SUM");
    if (!sum && !name.equals("AVG")) {
      return null;
    }
    MysqlColumnType arg = argument instanceof Column c ? columns.apply(c) : null;
    if (arg == null) {
      // Only PostgreSQL's bigint sum is known to be an integer sum: MySQL's is a DECIMAL.
      return sum && pgTypeName.equals("int8") ? decimal(10 + SUM_EXTRA_DIGITS, 0) : null;
    }
    int digits;
    int scale;
    switch (arg.connectorType()) {
      case FLOAT, FLOAT_UNSIGNED, DOUBLE, DOUBLE_UNSIGNED -> {
        return new MysqlColumnType("double", -1, -1, false, java.util.List.of());
      }
      case DECIMAL, DECIMAL_UNSIGNED -> {
        digits = arg.length() > 0 ? arg.length() : 10;
        scale = Math.max(arg.scale(), 0);
      }
      case TINYINT, TINYINT_UNSIGNED, BIT -> {
        digits = 3;
        scale = 0;
      }
      case SMALLINT, SMALLINT_UNSIGNED -> {
        digits = 5;
        scale = 0;
      }
      case MEDIUMINT, MEDIUMINT_UNSIGNED -> {
        digits = 7;
        scale = 0;
      }
      case INT, INT_UNSIGNED -> {
        digits = 10;
        scale = 0;
      }
      case BIGINT, BIGINT_UNSIGNED -> {
        digits = arg.connectorType() == com.mysql.cj.MysqlType.BIGINT_UNSIGNED ? 20 : 19;
        scale = 0;
      }
      default -> {
        return null; // strings, dates, ...: MySQL converts them to DOUBLE; leave PostgreSQL's
      }
    }
    if (arg.connectorType() == com.mysql.cj.MysqlType.BIT && !arg.name().equals("tinyint")) {
      return null; // a real BIT column
    }
    return sum
        ? decimal(digits + SUM_EXTRA_DIGITS, scale)
        : decimal(digits + DIV_PRECISION_INCREMENT, scale + DIV_PRECISION_INCREMENT);
  }

  /** Types MIN/MAX keep as their argument's; others (TEXT, BLOB, JSON) are left alone. */
  private static final java.util.Set<String> MIN_MAX_KEEPS =
      java.util.Set.of(
          "tinyint",
          "smallint",
          "mediumint",
          "int",
          "bigint",
          "decimal",
          "float",
          "double",
          "date",
          "datetime",
          "timestamp",
          "time",
          "year",
          "char",
          "varchar",
          "binary",
          "varbinary",
          "enum",
          "set",
          "bit");

  /**
   * {@code MIN(x)}/{@code MAX(x)}: MySQL's {@code Item_sum_hybrid} has its argument's type, so the
   * aggregate of a {@code BIGINT UNSIGNED} column is one ({@code BigInteger}), of a {@code YEAR} a
   * {@code YEAR} ({@code java.sql.Date}), of an {@code ENUM} an {@code ENUM}. The argument's type
   * must be known: a catalog column, or an expression this class types.
   */
  private static MysqlColumnType minMax(
      Expression argument, Function<Column, MysqlColumnType> columns) {
    if (argument == null) {
      return null;
    }
    Expression a = unwrap(argument);
    MysqlColumnType t = a instanceof Column c ? columns.apply(c) : of(a, "", columns);
    if (t == null || !MIN_MAX_KEEPS.contains(t.name())) {
      return null;
    }
    // MAX(tinyint(1)): MariaDB reports a TINYINT, not Connector/J's BIT; keep PostgreSQL's. A
    // real BIT(n) keeps its type: MySQL 9.7.4's MAX of one is its bytes
    return t.connectorType() == com.mysql.cj.MysqlType.BIT && !t.name().equals("bit") ? null : t;
  }

  /**
   * {@code a + b}, {@code a - b}, {@code a * b} ({@code Item_num_op}): a {@code DOUBLE} if either
   * operand is a floating-point number; else a {@code DECIMAL} if either is one ({@code +}/{@code
   * -}: scale {@code max(s1, s2)}, precision {@code max(p1 - s1, p2 - s2) + 1 + scale}; {@code *}:
   * precision {@code p1 + p2}, scale {@code s1 + s2}; unsigned when both are); else a {@code
   * BIGINT}, unsigned when either operand is ("integer operations keep unsigned_flag if one of
   * arguments is unsigned"; MySQL's default {@code sql_mode} has no {@code
   * NO_UNSIGNED_SUBTRACTION}, the mode that would make the difference of two unsigned integers
   * signed).
   */
  private static MysqlColumnType arithmetic(
      BinaryExpression b, Function<Column, MysqlColumnType> columns) {
    if (!readsAColumn(b)) {
      // 1 + 1: MariaDB says INT like PostgreSQL (MySQL 8's BIGINT: see mysqlBigintOnly)
      return null;
    }
    Num n = arithmeticNum(b, columns);
    return n == null ? null : n.type();
  }

  private static boolean isFunction(Expression e, String name) {
    return e instanceof net.sf.jsqlparser.expression.Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1
        && f.getParameters() != null
        && f.getParameters().size() == 1
        && f.getName().equalsIgnoreCase(name);
  }

  /**
   * Integer functions MySQL 8+ types as {@code BIGINT} where MariaDB says {@code INT} (each seen in
   * Connector/J's metadata on MySQL 9.7 by CorpusResultTypesIT), and the value functions of a
   * window, which MySQL 8+ types as {@code BIGINT} over an {@code INT} column.
   */
  private static final java.util.Set<String> MYSQL_BIGINT_FUNCTIONS =
      java.util.Set.of(
          "LENGTH",
          "OCTET_LENGTH",
          "CHAR_LENGTH",
          "CHARACTER_LENGTH",
          "BIT_LENGTH",
          "DATEDIFF",
          "TO_DAYS",
          "DAY",
          "DAYOFMONTH",
          "DAYOFWEEK",
          "DAYOFYEAR",
          "WEEKDAY",
          "WEEK",
          "WEEKOFYEAR",
          "YEARWEEK",
          "MONTH",
          "QUARTER",
          "HOUR",
          "MINUTE",
          "SECOND",
          "ASCII",
          "STRCMP",
          "LOCATE",
          "POSITION",
          "INSTR",
          "FIELD",
          "FIND_IN_SET",
          "INTERVAL",
          "IS_IPV4",
          "IS_UUID",
          "JSON_LENGTH",
          "JSON_CONTAINS",
          "JSON_CONTAINS_PATH",
          "JSON_DEPTH",
          "JSON_OVERLAPS",
          "JSON_VALID",
          "REGEXP_LIKE",
          "REGEXP_INSTR",
          "GROUPING",
          "MOD",
          "LAG",
          "LEAD",
          "FIRST_VALUE",
          "LAST_VALUE",
          "NTH_VALUE");

  /**
   * Functions MySQL types as {@code BIGINT UNSIGNED} ({@code BigInteger}) on MySQL 8+ and MariaDB:
   * {@code INET_ATON} and the bit aggregates.
   */
  private static final java.util.Set<String> UNSIGNED_BIGINT_FUNCTIONS =
      java.util.Set.of("INET_ATON", "BIT_AND", "BIT_OR", "BIT_XOR");

  /** Window functions MySQL 8+ types as {@code BIGINT UNSIGNED} (MariaDB: {@code BIGINT}). */
  private static final java.util.Set<String> MYSQL_UNSIGNED_WINDOW_FUNCTIONS =
      java.util.Set.of("ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE");

  /**
   * Whether MySQL types {@code e} as a {@code BIGINT UNSIGNED}: the bit operators ({@code &},
   * {@code |}, {@code ^}, {@code <<}, {@code >>}, {@code ~}), {@code CAST(x AS UNSIGNED)}, {@link
   * #UNSIGNED_BIGINT_FUNCTIONS}, and on MySQL 8+ {@link #MYSQL_UNSIGNED_WINDOW_FUNCTIONS}.
   */
  private static boolean unsignedBigint(Expression e, boolean mariaDb) {
    if (e instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd
        || e instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr
        || e instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseXor
        || e instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseLeftShift
        || e instanceof net.sf.jsqlparser.expression.operators.arithmetic.BitwiseRightShift
        || e instanceof SignedExpression s && s.getSign() == '~') {
      return true;
    }
    if (e instanceof net.sf.jsqlparser.expression.CastExpression c
        && c.getColDataType() != null
        && c.getColDataType().getDataType() != null) {
      String t = c.getColDataType().getDataType().toUpperCase(Locale.ROOT).trim();
      return t.equals("UNSIGNED") || t.startsWith("UNSIGNED INT");
    }
    if (e instanceof AnalyticExpression a && a.getName() != null) {
      String name = a.getName().toUpperCase(Locale.ROOT);
      return !mariaDb && MYSQL_UNSIGNED_WINDOW_FUNCTIONS.contains(name);
    }
    return e instanceof net.sf.jsqlparser.expression.Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1
        && UNSIGNED_BIGINT_FUNCTIONS.contains(f.getName().toUpperCase(Locale.ROOT));
  }

  private static boolean isPgInteger(String pgTypeName) {
    return "int2".equals(pgTypeName) || "int4".equals(pgTypeName) || "int8".equals(pgTypeName);
  }

  /**
   * Whether MySQL 8+ types {@code e} as a signed {@code BIGINT} whatever its operands: one of
   * {@link #MYSQL_BIGINT_FUNCTIONS}, or {@code +}, {@code -}, {@code *} of integer literals only.
   */
  private static boolean mysqlBigintOnly(Expression e, Function<Column, MysqlColumnType> columns) {
    if (booleanValued(e)) {
      return true; // MySQL 8+ types a condition's value (0/1/NULL) as BIGINT, MariaDB as INT
    }
    if (e instanceof LongValue
        || e instanceof net.sf.jsqlparser.expression.BooleanValue
        || e instanceof net.sf.jsqlparser.expression.ExtractExpression) {
      return true; // an integer literal, TRUE/FALSE, EXTRACT(...): BIGINT on MySQL 8+
    }
    if (e instanceof net.sf.jsqlparser.expression.operators.arithmetic.Modulo m) {
      // integer % integer: BIGINT, unsigned when its left operand is (typed above, not here)
      MysqlColumnType left =
          unwrap(m.getLeftExpression()) instanceof Column c ? columns.apply(c) : null;
      return left == null || !left.unsigned();
    }
    if (e instanceof AnalyticExpression a && a.getName() != null) {
      return MYSQL_BIGINT_FUNCTIONS.contains(a.getName().toUpperCase(Locale.ROOT));
    }
    if (e instanceof net.sf.jsqlparser.expression.Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1) {
      String name = f.getName().toUpperCase(Locale.ROOT);
      if (MYSQL_BIGINT_FUNCTIONS.contains(name)) {
        return true;
      }
      // GREATEST/LEAST/IF/IFNULL/COALESCE with an integer literal among its values: MySQL 8+'s
      // literals are BIGINT, and so is the type they aggregate to with a signed integer
      return LITERAL_AGGREGATING.contains(name)
          && integerLiteralAmongResults(f)
          && !readsUnsigned(f, columns);
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication) {
      // signed integer +, -, * is a BIGINT (TRUE + 1, (a = b) + 0, IFNULL(x, 0) + 1)
      BinaryExpression b = (BinaryExpression) e;
      return signedInteger(b.getLeftExpression(), columns)
          && signedInteger(b.getRightExpression(), columns);
    }
    return (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication)
        && !readsAColumn(e)
        && integerLiterals(e);
  }

  private static final java.util.Set<String> LITERAL_AGGREGATING =
      java.util.Set.of("GREATEST", "LEAST", "IF", "IFNULL", "COALESCE");

  /**
   * Whether one of the values {@code f} can return (IF's condition aside) is an integer literal,
   * and the others are integer literals, NULL or column references.
   */
  private static boolean integerLiteralAmongResults(net.sf.jsqlparser.expression.Function f) {
    ExpressionList<?> args = f.getParameters();
    int first = f.getName().equalsIgnoreCase("IF") ? 1 : 0;
    if (args == null || args.size() <= first) {
      return false;
    }
    boolean literal = false;
    for (int i = first; i < args.size(); i++) {
      Expression a = unwrap(args.get(i));
      if (a instanceof LongValue) {
        literal = true;
      } else if (!(a instanceof net.sf.jsqlparser.expression.NullValue || a instanceof Column)) {
        return false;
      }
    }
    return literal;
  }

  /**
   * Whether MySQL's value of {@code e} is surely a signed integer: an integer or boolean literal, a
   * signed integer column, a condition, a function of {@link #MYSQL_BIGINT_FUNCTIONS}, integer
   * arithmetic of such, or IFNULL/COALESCE/GREATEST/LEAST/IF whose values all are.
   */
  private static boolean signedInteger(Expression e, Function<Column, MysqlColumnType> columns) {
    Expression u = unwrap(e);
    if (u instanceof LongValue
        || u instanceof net.sf.jsqlparser.expression.BooleanValue
        || booleanValued(u)) {
      return true;
    }
    if (u instanceof Column c) {
      MysqlColumnType t = columns.apply(c);
      return t != null && !t.unsigned() && SIGNED_INTEGER_COLUMNS.contains(t.name());
    }
    if (u instanceof Addition || u instanceof Subtraction || u instanceof Multiplication) {
      BinaryExpression b = (BinaryExpression) u;
      return signedInteger(b.getLeftExpression(), columns)
          && signedInteger(b.getRightExpression(), columns);
    }
    if (u instanceof net.sf.jsqlparser.expression.Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1
        && f.getParameters() != null) {
      String name = f.getName().toUpperCase(Locale.ROOT);
      if (MYSQL_BIGINT_FUNCTIONS.contains(name)) {
        return true;
      }
      if (!LITERAL_AGGREGATING.contains(name)) {
        return false;
      }
      ExpressionList<?> args = f.getParameters();
      for (int i = name.equals("IF") ? 1 : 0; i < args.size(); i++) {
        if (!signedInteger(args.get(i), columns)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static final java.util.Set<String> SIGNED_INTEGER_COLUMNS =
      java.util.Set.of("tinyint", "smallint", "mediumint", "int", "bigint");

  /**
   * Whether {@code e} reads a column that is unsigned or of unknown type: MySQL's integer result is
   * then possibly {@code UNSIGNED}, which this class does not decide here.
   */
  private static boolean readsUnsigned(Expression e, Function<Column, MysqlColumnType> columns) {
    Expression u = unwrap(e);
    if (u instanceof Column c) {
      if (c.getColumnName().equalsIgnoreCase("TRUE")
          || c.getColumnName().equalsIgnoreCase("FALSE")) {
        return false;
      }
      MysqlColumnType t = columns.apply(c);
      return t == null || t.unsigned();
    }
    if (u instanceof BinaryExpression b) {
      return readsUnsigned(b.getLeftExpression(), columns)
          || readsUnsigned(b.getRightExpression(), columns);
    }
    if (u instanceof net.sf.jsqlparser.expression.Function f) {
      ExpressionList<?> args = f.getParameters();
      if (args != null) {
        for (Expression a : args) {
          if (readsUnsigned(a, columns)) {
            return true;
          }
        }
      }
      return false;
    }
    return false;
  }

  /**
   * Whether {@code e} is a condition ({@code Item_bool_func}): a comparison, {@code IS [NOT] NULL},
   * {@code [NOT] LIKE}, {@code [NOT] IN}, {@code BETWEEN}, {@code AND}/{@code OR}/{@code
   * XOR}/{@code NOT}, {@code EXISTS}.
   */
  private static boolean booleanValued(Expression e) {
    return e instanceof ComparisonOperator
        || e instanceof IsNullExpression
        || e instanceof net.sf.jsqlparser.expression.operators.relational.LikeExpression
        || e instanceof net.sf.jsqlparser.expression.operators.relational.InExpression
        || e instanceof net.sf.jsqlparser.expression.operators.relational.Between
        || e instanceof net.sf.jsqlparser.expression.operators.relational.ExistsExpression
        || e instanceof net.sf.jsqlparser.expression.operators.conditional.AndExpression
        || e instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression
        || e instanceof net.sf.jsqlparser.expression.operators.conditional.XorExpression
        || e instanceof net.sf.jsqlparser.expression.NotExpression
        || e instanceof net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression
        || e instanceof net.sf.jsqlparser.expression.operators.relational.MemberOfExpression;
  }

  private static boolean integerLiterals(Expression e) {
    Expression u = unwrap(e);
    if (u instanceof BinaryExpression b) {
      return integerLiterals(b.getLeftExpression()) && integerLiterals(b.getRightExpression());
    }
    return integerLiteral(u) != null;
  }

  private static boolean readsAColumn(Expression e) {
    Expression u = unwrap(e);
    if (u instanceof BinaryExpression b) {
      return readsAColumn(b.getLeftExpression()) || readsAColumn(b.getRightExpression());
    }
    return !(u instanceof LongValue || u instanceof DoubleValue);
  }

  private static Num arithmeticNum(BinaryExpression b, Function<Column, MysqlColumnType> columns) {
    Num l = num(b.getLeftExpression(), columns);
    Num r = num(b.getRightExpression(), columns);
    if (l == null || r == null) {
      return null;
    }
    boolean multiply = b instanceof Multiplication;
    if (l.kind == NumKind.REAL || r.kind == NumKind.REAL) {
      return new Num(NumKind.REAL, 0, 0, false);
    }
    if (l.kind == NumKind.DECIMAL || r.kind == NumKind.DECIMAL) {
      boolean unsigned = l.unsigned && r.unsigned;
      if (multiply) {
        return new Num(NumKind.DECIMAL, l.precision + r.precision, l.scale + r.scale, unsigned);
      }
      int scale = Math.max(l.scale, r.scale);
      int integer = Math.max(l.precision - l.scale, r.precision - r.scale);
      return new Num(NumKind.DECIMAL, integer + 1 + scale, scale, unsigned);
    }
    int precision = multiply ? l.precision + r.precision : Math.max(l.precision, r.precision) + 1;
    return new Num(NumKind.INT, precision, 0, l.unsigned || r.unsigned);
  }

  /**
   * {@code ROUND(x[, d])}, {@code TRUNCATE(x, d)} with a literal {@code d} ({@code
   * Item_func_round}): of a {@code FLOAT}/{@code DOUBLE} a {@code DOUBLE}; of an integer a {@code
   * BIGINT} (unsigned as {@code x}); of a {@code DECIMAL(p,s)} a {@code DECIMAL} of scale {@code
   * max(d, 0)} and precision {@code p - (s - d)}, one more when {@code ROUND} drops digits (the
   * carry). A {@code d} that is not a literal: null (MySQL types those differently).
   */
  private static MysqlColumnType round(
      net.sf.jsqlparser.expression.Function f,
      boolean truncate,
      Function<Column, MysqlColumnType> columns) {
    ExpressionList<?> args = f.getParameters();
    if (args == null || args.isEmpty() || args.size() > 2 || (truncate && args.size() != 2)) {
      return null;
    }
    Num x = num(args.get(0), columns);
    if (x == null) {
      return null;
    }
    long d = 0;
    if (args.size() == 2) {
      Long literal = integerLiteral(args.get(1));
      if (literal == null) {
        return null;
      }
      d = literal;
    }
    switch (x.kind) {
      case REAL:
        // MySQL states the digits asked for (Connector/J's getScale); beyond 30 it states none
        return d > 0 && d <= MAX_SCALE
            ? new MysqlColumnType("double", -1, (int) d, false, java.util.List.of())
            : DOUBLE;
      case INT:
        return bigint(x.unsigned);
      default:
        int target = (int) Math.min(Math.max(d, 0), MAX_SCALE);
        int delta = x.scale - target;
        int carry = delta <= 0 || truncate ? 0 : 1;
        int precision = Math.max(x.precision - (delta - carry), 1);
        return new Num(NumKind.DECIMAL, precision, target, x.unsigned).type();
    }
  }

  /**
   * {@code ABS}, {@code CEIL}/{@code CEILING}, {@code FLOOR} ({@code Item_func_num1}, {@code
   * Item_func_int_val}): of a {@code FLOAT}/{@code DOUBLE} a {@code DOUBLE}; of an integer a {@code
   * BIGINT} with its signedness; {@code ABS} of a {@code DECIMAL(p,s)} the same {@code DECIMAL};
   * {@code CEIL}/{@code FLOOR} of a {@code DECIMAL} a {@code BIGINT} when its integer part fits (up
   * to 17 digits here; wider ones: null).
   */
  private static MysqlColumnType numericFunction(
      String name, Expression argument, Function<Column, MysqlColumnType> columns) {
    Num x = num(argument, columns);
    if (x == null) {
      return null;
    }
    return switch (x.kind) {
      case REAL -> DOUBLE;
      case INT -> bigint(x.unsigned);
      case DECIMAL -> {
        if (name.equals("ABS")) {
          yield x.type();
        }
        yield x.precision - x.scale <= 17 ? bigint(x.unsigned) : null;
      }
    };
  }

  /** The value of an integer literal ({@code 2}, {@code -1}), else null. */
  private static Long integerLiteral(Expression e) {
    Expression u = unwrap(e);
    if (u instanceof LongValue v) {
      return clamp(v.getBigIntegerValue());
    }
    if (u instanceof SignedExpression s && unwrap(s.getExpression()) instanceof LongValue v) {
      java.math.BigInteger value = v.getBigIntegerValue();
      return clamp(s.getSign() == '-' ? value.negate() : value);
    }
    return null;
  }

  private static long clamp(java.math.BigInteger value) {
    return value
        .max(java.math.BigInteger.valueOf(Integer.MIN_VALUE))
        .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE))
        .longValue();
  }

  private static Expression unwrap(Expression e) {
    Expression u = e;
    while (true) {
      if (u instanceof Parenthesis p) {
        u = p.getExpression();
      } else if (u instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
        u = l.get(0);
      } else {
        return u;
      }
    }
  }

  private enum NumKind {
    INT,
    DECIMAL,
    REAL
  }

  /**
   * A numeric operand as MySQL's type derivation sees it: its result type, {@code
   * decimal_precision()}, decimals and {@code unsigned_flag}.
   */
  private record Num(NumKind kind, int precision, int scale, boolean unsigned) {
    MysqlColumnType type() {
      return switch (kind) {
        case REAL -> DOUBLE;
        case INT -> bigint(unsigned);
        case DECIMAL ->
            new MysqlColumnType(
                "decimal",
                Math.min(Math.max(precision, 1), MAX_PRECISION),
                Math.min(scale, MAX_SCALE),
                unsigned,
                java.util.List.of());
      };
    }
  }

  private static final MysqlColumnType DOUBLE =
      new MysqlColumnType("double", -1, -1, false, java.util.List.of());

  private static MysqlColumnType bigint(boolean unsigned) {
    return new MysqlColumnType("bigint", -1, -1, unsigned, java.util.List.of());
  }

  /**
   * The numeric operand {@code e}: a number literal ({@code 1.5} is a {@code DECIMAL}, {@code
   * 1.5e0} a {@code DOUBLE}), a numeric catalog column, or an expression this class types; null for
   * anything else (strings, dates, unknown columns), which keeps the caller conservative.
   */
  private static Num num(Expression e, Function<Column, MysqlColumnType> columns) {
    Expression u = unwrap(e);
    if (u instanceof LongValue v) {
      java.math.BigInteger value = v.getBigIntegerValue();
      return new Num(
          NumKind.INT,
          Math.max(1, value.abs().toString().length()),
          0,
          value.compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE)) > 0);
    }
    if (u instanceof DoubleValue) {
      String text = u.toString().trim();
      if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
        return new Num(NumKind.REAL, 0, 0, false);
      }
      try {
        java.math.BigDecimal value = new java.math.BigDecimal(text);
        int scale = Math.max(value.scale(), 0);
        return new Num(NumKind.DECIMAL, Math.max(value.precision(), scale), scale, false);
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    if (u instanceof Addition || u instanceof Subtraction || u instanceof Multiplication) {
      return arithmeticNum((BinaryExpression) u, columns);
    }
    MysqlColumnType t = u instanceof Column c ? columns.apply(c) : of(u, "", columns);
    return t == null ? null : num(t);
  }

  /** The numeric operand of MySQL type {@code t}, or null when it is not a number. */
  private static Num num(MysqlColumnType t) {
    boolean u = t.unsigned();
    return switch (t.name()) {
      case "tinyint" -> new Num(NumKind.INT, 3, 0, u);
      case "smallint" -> new Num(NumKind.INT, 5, 0, u);
      case "mediumint" -> new Num(NumKind.INT, u ? 8 : 7, 0, u);
      case "int" -> new Num(NumKind.INT, 10, 0, u);
      case "bigint" -> new Num(NumKind.INT, u ? 20 : 19, 0, u);
      case "decimal" ->
          new Num(NumKind.DECIMAL, t.length() > 0 ? t.length() : 10, Math.max(t.scale(), 0), u);
      case "float", "double" -> new Num(NumKind.REAL, 0, 0, false);
      default -> null;
    };
  }

  /**
   * {@code a / b}: MySQL's {@code Item_func_div} gives {@code DECIMAL(precision(a) + 4 + scale(b),
   * scale(a) + 4)} when both are exact numbers (integers or decimals).
   */
  private static MysqlColumnType division(Division d, Function<Column, MysqlColumnType> columns) {
    int[] a = exact(d.getLeftExpression(), columns);
    int[] b = exact(d.getRightExpression(), columns);
    if (a == null || b == null) {
      return null;
    }
    return decimal(a[0] + DIV_PRECISION_INCREMENT + b[1], a[1] + DIV_PRECISION_INCREMENT);
  }

  /** {precision, scale} of an exact-number literal or column, or null. */
  private static int[] exact(Expression e, Function<Column, MysqlColumnType> columns) {
    if (e instanceof Parenthesis p) {
      return exact(p.getExpression(), columns);
    }
    if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
      return exact(l.get(0), columns);
    }
    if (e instanceof LongValue v) {
      return new int[] {Math.max(1, v.getStringValue().replace("-", "").length()), 0};
    }
    if (e instanceof Column c) {
      MysqlColumnType t = columns.apply(c);
      if (t == null) {
        return null;
      }
      return switch (t.connectorType()) {
        case DECIMAL, DECIMAL_UNSIGNED ->
            new int[] {t.length() > 0 ? t.length() : 10, Math.max(t.scale(), 0)};
        case TINYINT, TINYINT_UNSIGNED -> new int[] {3, 0};
        case SMALLINT, SMALLINT_UNSIGNED -> new int[] {5, 0};
        case MEDIUMINT, MEDIUMINT_UNSIGNED -> new int[] {7, 0};
        case INT, INT_UNSIGNED -> new int[] {10, 0};
        case BIGINT -> new int[] {19, 0};
        case BIGINT_UNSIGNED -> new int[] {20, 0};
        default -> null;
      };
    }
    return null;
  }

  /**
   * Whether MySQL reports {@code e} as never NULL ({@code ResultSetMetaData.columnNoNulls}), where
   * PostgreSQL reports every computed column as nullable: literals other than NULL, {@code COUNT},
   * {@code IS [NOT] NULL}, the clock functions, and arithmetic ({@code +}, {@code -}, {@code *})
   * and comparisons of such operands or of NOT NULL columns (when {@code notNullColumn} says so).
   * Anything else: false (keep PostgreSQL's answer).
   */
  public static boolean neverNull(Expression e, Predicate<Column> notNullColumn) {
    if (e instanceof Parenthesis p) {
      return neverNull(p.getExpression(), notNullColumn);
    }
    if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
      return neverNull(l.get(0), notNullColumn);
    }
    if (e instanceof LongValue
        || e instanceof StringValue
        || e instanceof DoubleValue
        || e instanceof IsNullExpression
        || e instanceof TimeKeyExpression) {
      return true;
    }
    if (e instanceof Column c) {
      return notNullColumn.test(c);
    }
    if (e instanceof net.sf.jsqlparser.expression.Function f
        && f.getMultipartName() != null
        && f.getMultipartName().size() == 1) {
      String name = f.getName().toUpperCase(Locale.ROOT);
      return name.equals("COUNT") || NOT_NULL_FUNCTIONS.contains(name);
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication) {
      BinaryExpression b = (BinaryExpression) e;
      return neverNull(b.getLeftExpression(), notNullColumn)
          && neverNull(b.getRightExpression(), notNullColumn);
    }
    if (e instanceof ComparisonOperator c) {
      return neverNull(c.getLeftExpression(), notNullColumn)
          && neverNull(c.getRightExpression(), notNullColumn);
    }
    return false;
  }

  private static final java.util.Set<String> NOT_NULL_FUNCTIONS =
      java.util.Set.of(
          "NOW", "CURRENT_TIMESTAMP", "CURDATE", "CURRENT_DATE", "UTC_TIMESTAMP", "SYSDATE");

  private static MysqlColumnType decimal(int precision, int scale) {
    return new MysqlColumnType(
        "decimal",
        Math.min(precision, MAX_PRECISION),
        Math.min(scale, MAX_SCALE),
        false,
        java.util.List.of());
  }
}
