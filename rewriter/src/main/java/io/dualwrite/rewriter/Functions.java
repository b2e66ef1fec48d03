package io.dualwrite.rewriter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;

/** MySQL function calls printed as PostgreSQL expressions with the same result, or refused. */
final class Functions {

  /** Calls whose value differs per evaluation; lifted into parameters in writes. */
  static final Set<String> NON_DETERMINISTIC =
      Set.of(
          "NOW",
          "CURRENT_TIMESTAMP",
          "LOCALTIME",
          "LOCALTIMESTAMP",
          "SYSDATE",
          "CURDATE",
          "CURRENT_DATE",
          "CURTIME",
          "CURRENT_TIME",
          "UTC_TIMESTAMP",
          "UTC_DATE",
          "UTC_TIME",
          "UNIX_TIMESTAMP",
          "UUID",
          "RAND",
          "LAST_INSERT_ID");

  /** Non-deterministic calls whose value is fixed for the whole statement in MySQL. */
  static final Set<String> STATEMENT_CONSTANT =
      Set.of(
          "NOW",
          "CURRENT_TIMESTAMP",
          "LOCALTIME",
          "LOCALTIMESTAMP",
          "CURDATE",
          "CURRENT_DATE",
          "CURTIME",
          "CURRENT_TIME",
          "UTC_TIMESTAMP",
          "UTC_DATE",
          "UTC_TIME",
          "UNIX_TIMESTAMP",
          "LAST_INSERT_ID"); // the session's value from before the statement

  /** Functions with the same name, arguments and result in both databases. */
  private static final Set<String> SAME =
      Set.of(
          "COALESCE",
          "NULLIF",
          "ABS",
          "CEIL",
          "CEILING",
          "FLOOR",
          "SIGN",
          "SQRT",
          "EXP",
          "LN",
          "POWER",
          "POW",
          "PI",
          "MIN",
          "MAX",
          "SUM",
          "UPPER",
          "LOWER",
          "UCASE",
          "LCASE",
          "REPLACE",
          "REVERSE",
          "REPEAT",
          "LEFT",
          "RIGHT",
          "ASCII",
          "MOD");

  private Functions() {}

  private static String name(Function f) {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      throw RefusedException.function(
          String.join(".", f.getMultipartName()).toUpperCase(Locale.ROOT),
          "Qualified (stored) function calls cannot be translated.");
    }
    return PgExpressionDeParser.upper(Identifiers.normalize(f.getName()));
  }

  /**
   * The arguments; the SQL-standard forms SUBSTRING(s FROM p [FOR n]) and POSITION(a IN b) become
   * the comma forms MySQL treats as identical.
   */
  @SuppressWarnings("unchecked")
  private static List<Expression> params(Function f) {
    ExpressionList<?> p = f.getParameters();
    if (p == null && f.getNamedParameters() != null) {
      net.sf.jsqlparser.expression.operators.relational.NamedExpressionList<?> named =
          f.getNamedParameters();
      List<String> names = new java.util.ArrayList<>();
      for (String n : named.getNames()) {
        names.add(n == null ? "" : n.trim().toUpperCase(Locale.ROOT));
      }
      List<Expression> values = (List<Expression>) named;
      if (names.equals(List.of("", "FROM")) || names.equals(List.of("", "FROM", "FOR"))) {
        return values;
      }
      if (names.equals(List.of("", "IN"))) {
        return values;
      }
      throw RefusedException.function(
          PgExpressionDeParser.upper(f.getName()), "Unsupported argument form " + named + ".");
    }
    return p == null ? List.of() : (List<Expression>) p;
  }

  private static void arity(String name, List<Expression> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw RefusedException.function(
          name, name + " with " + args.size() + " arguments is not supported.");
    }
  }

  private static String literal(String name, Expression e, String what) {
    if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      return MysqlLexer.decodeCanonical(s.getValue());
    }
    throw RefusedException.function(
        name, name + " needs " + what + " as a string literal to be translated exactly.");
  }

  private static long integer(String name, Expression e, String what) {
    if (e instanceof LongValue l) {
      return l.getValue();
    }
    if (e instanceof SignedExpression s
        && s.getSign() == '-'
        && s.getExpression() instanceof LongValue l) {
      return -l.getValue();
    }
    throw RefusedException.function(
        name, name + " needs " + what + " as an integer literal to be translated exactly.");
  }

  static void translate(PgExpressionDeParser d, Function f) {
    if (f.isEscaped() || f.getKeep() != null || f.getAttribute() != null) {
      throw PgExpressionDeParser.refuseNode(f, "function call form");
    }
    String n = name(f);
    if (f.getOrderByElements() != null || f.getHavingClause() != null || f.getLimit() != null) {
      throw RefusedException.function(
          n, n + " with ORDER BY/HAVING/LIMIT inside is not supported.");
    }
    List<Expression> args = params(f);
    if (NON_DETERMINISTIC.contains(n)) {
      nonDeterministic(d, f, n, args);
      return;
    }
    if (MYSQL_SESSION.contains(n)) {
      mysqlSession(d, n);
    }
    if (f.isDistinct() && !Set.of("COUNT", "SUM", "MIN", "MAX", "AVG").contains(n)) {
      throw RefusedException.function(n, n + "(DISTINCT ...) is not supported.");
    }
    if (n.equals("COALESCE") && !args.isEmpty()) {
      coalesce(d, args);
      return;
    }
    if ((n.equals("MIN") || n.equals("MAX"))
        && args.size() == 1
        && d.isCaseInsensitiveText(args.get(0))) {
      caseInsensitiveMinMax(d, args.get(0), n.equals("MAX"));
      return;
    }
    if (SAME.contains(n)) {
      String pg =
          switch (n) {
            case "UCASE" -> "upper";
            case "LCASE" -> "lower";
            case "POW" -> "power";
            case "CEILING" -> "ceil";
            default -> n.toLowerCase(Locale.ROOT);
          };
      if (n.equals("MOD")) {
        arity(n, args, 2, 2);
        d.a("(");
        d.value(args.get(0));
        d.a(" % NULLIF(");
        d.value(args.get(1));
        d.a(", 0))");
        return;
      }
      if (Set.of("UPPER", "LOWER", "UCASE", "LCASE").contains(n) && args.size() == 1) {
        Expression arg = args.get(0);
        if (PgExpressionDeParser.hexDigits(arg) != null) {
          // a binary string has no letter case: MySQL returns it unchanged
          d.text(arg);
          return;
        }
        if (containsHex(arg)) {
          throw RefusedException.function(
              n,
              n
                  + " of an expression built from a hex literal (a binary string) is not translated.");
        }
      }
      boolean textArgs =
          Set.of(
                  "UPPER", "LOWER", "UCASE", "LCASE", "REPLACE", "REVERSE", "REPEAT", "LEFT",
                  "RIGHT")
              .contains(n);
      d.a(pg).a("(");
      if (f.isDistinct()) {
        d.a("DISTINCT ");
      }
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          d.a(", ");
        }
        if (textArgs && i == 0) {
          d.text(args.get(0));
        } else if (textArgs && n.equals("REPLACE")) {
          d.text(args.get(i));
        } else {
          d.value(args.get(i));
        }
      }
      d.a(")");
      return;
    }
    switch (n) {
      case "VALUES" -> {
        if (!d.ctx.inDuplicateUpdate
            || args.size() != 1
            || !(args.get(0) instanceof Column c)
            || c.getTable() != null && c.getTable().getName() != null) {
          throw RefusedException.function(
              n, "VALUES(col) is translated only inside ON DUPLICATE KEY UPDATE.");
        }
        d.a("EXCLUDED.").a(Identifiers.pg(c.getColumnName()));
      }
      case "COUNT" -> {
        if (f.isAllColumns()
            || (args.size() == 1
                && args.get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns)) {
          d.a("count(*)");
          return;
        }
        arity(n, args, 1, 1);
        d.a(f.isDistinct() ? "count(DISTINCT " : "count(");
        d.value(args.get(0));
        d.a(")");
      }
      case "AVG" -> {
        arity(n, args, 1, 1);
        if (d.isFloating(args.get(0))) {
          d.a(f.isDistinct() ? "avg(DISTINCT " : "avg(");
          d.value(args.get(0));
          d.a(")");
          return;
        }
        // MySQL: exact, with div_precision_increment (4) more decimals than the argument
        // (* 1.0000: PostgreSQL then divides the sum to at least that scale, see Division)
        d.a(f.isDistinct() ? "round(avg(DISTINCT CAST(" : "round(avg(CAST(");
        d.value(args.get(0));
        d.a(" AS numeric) * 1.0000), max(scale(CAST(");
        d.value(args.get(0));
        d.a(" AS numeric))) + 4)");
      }
      case "IFNULL" -> {
        arity(n, args, 2, 2);
        coalesce(d, args);
      }
      case "IF" -> {
        arity(n, args, 3, 3);
        d.a("CASE WHEN ");
        d.cond(args.get(0));
        d.a(" THEN ");
        d.value(args.get(1));
        d.a(" ELSE ");
        d.value(args.get(2));
        d.a(" END");
      }
      case "ISNULL" -> {
        arity(n, args, 1, 1);
        d.a("CAST((");
        d.value(args.get(0));
        d.a(") IS NULL AS integer)");
      }
      case "CONCAT" -> {
        // MySQL: NULL if any argument is NULL, exactly like PostgreSQL's || operator
        if (args.isEmpty()) {
          throw RefusedException.function(n, "CONCAT() needs arguments.");
        }
        d.a("(");
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            d.a(" || ");
          }
          d.text(args.get(i));
        }
        d.a(")");
      }
      case "CONCAT_WS" -> {
        // both skip NULL arguments and return NULL for a NULL separator
        if (args.size() < 2) {
          throw RefusedException.function(n, "CONCAT_WS needs a separator and arguments.");
        }
        d.a("concat_ws(");
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            d.a(", ");
          }
          d.text(args.get(i));
        }
        d.a(")");
      }
      case "LENGTH", "OCTET_LENGTH" -> {
        arity(n, args, 1, 1);
        d.a("octet_length(");
        bytesOrText(d, args.get(0));
        d.a(")");
      }
      case "BIT_LENGTH" -> {
        arity(n, args, 1, 1);
        d.a("(octet_length(");
        bytesOrText(d, args.get(0));
        d.a(") * 8)");
      }
      case "CHAR_LENGTH", "CHARACTER_LENGTH" -> {
        arity(n, args, 1, 1);
        d.a("char_length(");
        d.text(args.get(0));
        d.a(")");
      }
      case "SUBSTRING", "SUBSTR", "MID" -> {
        arity(n, args, 2, 3);
        // MySQL: position 0 gives '', negative counts from the end
        long pos = integer(n, args.get(1), "the start position");
        if (pos < 0) {
          // the last -pos characters (then at most len of them); '' when the string is shorter
          long k = -pos;
          d.a("CASE WHEN char_length(");
          d.text(args.get(0));
          d.a(") >= " + k + " THEN substr(");
          d.text(args.get(0));
          d.a(", char_length(");
          d.text(args.get(0));
          d.a(") - " + (k - 1));
          if (args.size() == 3) {
            d.a(", GREATEST(");
            d.value(args.get(2));
            d.a(", 0)");
          }
          d.a(") ELSE substr(");
          d.text(args.get(0));
          d.a(", 1, 0) END");
          return;
        }
        if (pos == 0) {
          d.a("substr("); // '' (NULL for a NULL string)
          d.text(args.get(0));
          d.a(", 1, 0)");
          return;
        }
        d.a("substr(");
        d.text(args.get(0));
        d.a(", ").a(String.valueOf(pos));
        if (args.size() == 3) {
          d.a(", GREATEST(");
          d.value(args.get(2));
          d.a(", 0)");
        }
        d.a(")");
      }
      case "TRIM", "LTRIM", "RTRIM" -> {
        arity(n, args, 1, 1);
        // MySQL LTRIM/RTRIM/TRIM(x) remove spaces only
        d.a(n.toLowerCase(Locale.ROOT)).a("(");
        d.text(args.get(0));
        d.a(", ' ')");
      }
      case "LPAD", "RPAD" -> {
        arity(n, args, 3, 3);
        d.a(n.toLowerCase(Locale.ROOT)).a("(");
        d.text(args.get(0));
        d.a(", ");
        d.value(args.get(1));
        d.a(", ");
        d.text(args.get(2));
        d.a(")");
      }
      case "LOCATE", "POSITION" -> {
        arity(n, args, 2, 3);
        // MySQL searches with the collation: case-insensitive for _ci columns
        boolean fold = d.foldsCase(args.subList(0, 2));
        if (args.size() == 2) {
          d.a("strpos(");
          d.textFolded(args.get(1), fold);
          d.a(", ");
          d.textFolded(args.get(0), fold);
          d.a(")");
        } else {
          long start = integer(n, args.get(2), "the start position");
          if (start < 1) {
            d.a("0");
            return;
          }
          d.a("CASE WHEN strpos(substr(");
          d.textFolded(args.get(1), fold);
          d.a(", " + start + "), ");
          d.textFolded(args.get(0), fold);
          d.a(") = 0 THEN 0 ELSE strpos(substr(");
          d.textFolded(args.get(1), fold);
          d.a(", " + start + "), ");
          d.textFolded(args.get(0), fold);
          d.a(") + " + (start - 1) + " END");
        }
      }
      case "INSTR" -> {
        arity(n, args, 2, 2);
        boolean fold = d.foldsCase(args);
        d.a("strpos(");
        d.textFolded(args.get(0), fold);
        d.a(", ");
        d.textFolded(args.get(1), fold);
        d.a(")");
      }
      case "SUBSTRING_INDEX" -> {
        arity(n, args, 3, 3);
        long count = integer(n, args.get(2), "the count");
        if (count == 0) {
          d.a("CASE WHEN ");
          d.value(args.get(0));
          d.a(" IS NULL THEN NULL ELSE '' END");
        } else if (count > 0) {
          d.a("array_to_string((string_to_array(");
          d.text(args.get(0));
          d.a(", ");
          d.text(args.get(1));
          d.a("))[1:" + count + "], ");
          d.text(args.get(1));
          d.a(")");
        } else {
          d.a("reverse(array_to_string((string_to_array(reverse(");
          d.text(args.get(0));
          d.a("), reverse(");
          d.text(args.get(1));
          d.a(")))[1:" + (-count) + "], reverse(");
          d.text(args.get(1));
          d.a(")))");
        }
      }
      case "FIND_IN_SET" -> {
        arity(n, args, 2, 2);
        d.a("CASE WHEN ");
        d.value(args.get(0));
        d.a(" IS NULL OR ");
        d.value(args.get(1));
        d.a(" IS NULL THEN NULL ELSE COALESCE(array_position(string_to_array(");
        boolean fold = d.foldsCase(args);
        d.textFolded(args.get(1), fold);
        d.a(", ','), ");
        d.textFolded(args.get(0), fold);
        d.a("), 0) END");
      }
      case "FIELD" -> {
        if (args.size() < 2) {
          throw RefusedException.function(n, "FIELD needs at least two arguments.");
        }
        d.a("CASE WHEN ");
        d.value(args.get(0));
        d.a(" IS NULL THEN 0");
        boolean fold = d.foldsCase(args);
        for (int i = 1; i < args.size(); i++) {
          d.a(" WHEN ");
          if (fold) {
            d.textFolded(args.get(0), true);
            d.a(" = ");
            d.textFolded(args.get(i), true);
          } else {
            d.value(args.get(0));
            d.a(" = ");
            d.value(args.get(i));
          }
          d.a(" THEN " + i);
        }
        d.a(" ELSE 0 END");
      }
      case "GREATEST", "LEAST" -> {
        if (args.size() < 2) {
          throw RefusedException.function(n, n + " needs at least two arguments.");
        }
        // MySQL returns NULL when any argument is NULL; PostgreSQL ignores NULLs
        d.a("CASE WHEN ");
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            d.a(" OR ");
          }
          d.value(args.get(i));
          d.a(" IS NULL");
        }
        d.a(" THEN NULL ELSE ").a(n.toLowerCase(Locale.ROOT)).a("(");
        d.args(args, true);
        d.a(") END");
      }
      case "ROUND", "TRUNCATE" -> {
        arity(n, args, n.equals("ROUND") ? 1 : 2, 2);
        if (n.equals("ROUND")
            && d.isFloating(args.get(0))
            && (args.size() == 1
                || (args.get(1) instanceof LongValue places
                    && places.getValue() >= 0
                    && places.getValue() <= 15))) {
          // MySQL rounds a DOUBLE as rint(x * 10^d) / 10^d: half to even (ROUND(2.25e0, 1) is
          // 2.2); PostgreSQL's round(double precision) is rint too, numeric would give 2.3
          long places = args.size() == 1 ? 0 : ((LongValue) args.get(1)).getValue();
          if (places == 0) {
            d.a("round(CAST(");
            d.value(args.get(0));
            d.a(" AS double precision))");
            return;
          }
          // from 2^52 on a double has no fraction left: MySQL returns it as is (and so never
          // overflows x * 10^d, where PostgreSQL would raise an error)
          d.a("CASE WHEN abs(CAST(");
          d.value(args.get(0));
          d.a(" AS double precision)) >= 4503599627370496 THEN CAST(");
          d.value(args.get(0));
          d.a(" AS double precision) ELSE round(CAST(");
          d.value(args.get(0));
          d.a(" AS double precision) * 1e").a(Long.toString(places));
          d.a(") / 1e").a(Long.toString(places)).a(" END");
          return;
        }
        // on exact values both round half away from zero; numeric keeps it exact
        d.a(n.equals("ROUND") ? "round(CAST(" : "trunc(CAST(");
        d.value(args.get(0));
        d.a(" AS numeric)");
        if (args.size() == 2) {
          d.a(", ");
          d.value(args.get(1));
        }
        d.a(")");
      }
      case "MD5" -> {
        arity(n, args, 1, 1);
        d.a("md5(");
        bytesOrText(d, args.get(0));
        d.a(")");
      }
      case "SHA2" -> {
        arity(n, args, 2, 2);
        long bits = integer(n, args.get(1), "the hash length");
        String fn =
            switch ((int) bits) {
              case 0, 256 -> "sha256";
              case 224 -> "sha224";
              case 384 -> "sha384";
              case 512 -> "sha512";
              default -> null;
            };
        if (fn == null) {
          d.a("NULL"); // MySQL returns NULL for an unsupported length
          return;
        }
        d.a("encode(").a(fn).a("(convert_to(");
        d.text(args.get(0));
        d.a(", 'UTF8')), 'hex')");
      }
      case "REGEXP_REPLACE" -> {
        arity(n, args, 3, 3);
        String flags = regexFlags(d, n, args.get(0), args.get(1));
        String replacement = literal(n, args.get(2), "the replacement");
        if (replacement.indexOf('$') >= 0 || replacement.indexOf('\\') >= 0) {
          throw RefusedException.function(
              n, "A replacement with $n or \\ references has different syntax in PostgreSQL.");
        }
        d.a("regexp_replace(");
        d.text(args.get(0));
        d.a(", ");
        d.text(args.get(1));
        d.a(", ");
        d.text(args.get(2));
        d.a(", 'g" + flags + "')");
      }
      case "REGEXP_SUBSTR", "REGEXP_INSTR", "REGEXP_LIKE" -> {
        arity(n, args, 2, 2);
        String flags = regexFlags(d, n, args.get(0), args.get(1));
        if (n.equals("REGEXP_LIKE")) {
          d.a("CAST(regexp_like(");
        } else {
          d.a(n.toLowerCase(Locale.ROOT)).a("(");
        }
        d.text(args.get(0));
        d.a(", ");
        d.text(args.get(1));
        switch (n) {
          case "REGEXP_SUBSTR" -> d.a(", 1, 1, '" + flags + "')");
          case "REGEXP_INSTR" -> d.a(", 1, 1, 0, '" + flags + "')");
          default -> d.a(", '" + flags + "') AS integer)");
        }
      }
      case "HEX" -> {
        arity(n, args, 1, 1);
        hex(d, args.get(0));
      }
      case "SHA1", "SHA" ->
          throw RefusedException.function(
              n, "SHA1 has no core PostgreSQL function (pgcrypto is not available).");
      case "FOUND_ROWS", "ROW_COUNT" ->
          throw RefusedException.function(
              n, n + "() depends on the previous statement in the MySQL session.");
      case "DATE" -> {
        arity(n, args, 1, 1);
        d.a("CAST(");
        d.dateOperand(args.get(0));
        d.a(" AS date)");
      }
      case "YEAR", "MONTH", "DAY", "DAYOFMONTH", "HOUR", "MINUTE", "SECOND", "QUARTER" -> {
        arity(n, args, 1, 1);
        String field = n.equals("DAYOFMONTH") ? "DAY" : n;
        d.a("CAST(EXTRACT(").a(field).a(" FROM ");
        d.dateOperand(args.get(0));
        d.a(") AS integer)");
      }
      case "DAYOFWEEK" -> {
        arity(n, args, 1, 1);
        d.a("(CAST(EXTRACT(DOW FROM ");
        d.dateOperand(args.get(0));
        d.a(") AS integer) + 1)");
      }
      case "WEEKDAY" -> {
        arity(n, args, 1, 1);
        d.a("(CAST(EXTRACT(ISODOW FROM ");
        d.dateOperand(args.get(0));
        d.a(") AS integer) - 1)");
      }
      case "DAYNAME", "MONTHNAME" -> {
        // MySQL's default lc_time_names is en_US; to_char without TM prints English names
        arity(n, args, 1, 1);
        d.a("to_char(");
        d.dateOperand(args.get(0));
        d.a(n.equals("DAYNAME") ? ", 'FMDay')" : ", 'FMMonth')");
      }
      case "TIME" -> {
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
      case "DAYOFYEAR" -> {
        arity(n, args, 1, 1);
        d.a("CAST(EXTRACT(DOY FROM ");
        d.dateOperand(args.get(0));
        d.a(") AS integer)");
      }
      case "LAST_DAY" -> {
        arity(n, args, 1, 1);
        d.a("CAST(date_trunc('month', ");
        d.dateOperand(args.get(0));
        d.a(") + INTERVAL '1 month - 1 day' AS date)");
      }
      case "DATE_ADD", "ADDDATE", "DATE_SUB", "SUBDATE" -> {
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
        d.dateArithmetic(
            args.get(0), iv, n.startsWith("DATE_ADD") || n.equals("ADDDATE") ? "+" : "-");
      }
      case "DATEDIFF" -> {
        arity(n, args, 2, 2);
        d.a("(CAST(");
        d.dateOperand(args.get(0));
        d.a(" AS date) - CAST(");
        d.dateOperand(args.get(1));
        d.a(" AS date))");
      }
      case "TIMESTAMPDIFF" -> timestampDiff(d, args);
      case "DATE_FORMAT" -> {
        arity(n, args, 2, 2);
        DateFormats.Template t =
            DateFormats.toPostgres(literal(n, args.get(1), "the format"), false);
        d.a("to_char(");
        d.dateOperand(args.get(0));
        d.a(", '").a(t.pattern().replace("'", "''")).a("')");
      }
      case "STR_TO_DATE" -> {
        arity(n, args, 2, 2);
        DateFormats.Template t =
            DateFormats.toPostgres(literal(n, args.get(1), "the format"), true);
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
      case "FROM_UNIXTIME" -> {
        arity(n, args, 1, 2);
        if (args.size() == 2) {
          DateFormats.Template t =
              DateFormats.toPostgres(literal(n, args.get(1), "the format"), false);
          d.a("to_char(CAST(to_timestamp(");
          d.value(args.get(0));
          d.a(") AS timestamp), '").a(t.pattern().replace("'", "''")).a("')");
        } else {
          d.a("CAST(to_timestamp(");
          d.value(args.get(0));
          d.a(") AS timestamp)");
        }
      }
      case "JSON_EXTRACT" -> {
        if (args.size() < 2) {
          throw RefusedException.function(n, "JSON_EXTRACT needs a document and a path.");
        }
        for (Expression a : args.subList(1, args.size())) {
          if (!(a instanceof StringValue)) {
            throw RefusedException.function(n, "JSON_EXTRACT needs literal paths.");
          }
        }
        if (args.size() == 2) {
          jsonPath(d, args.get(0), (StringValue) args.get(1), false);
          return;
        }
        // several paths: MySQL returns the array of the values found, in path order (NULL when
        // none is found)
        d.a("(SELECT jsonb_agg(v ORDER BY i) FROM (VALUES ");
        for (int i = 1; i < args.size(); i++) {
          d.a(i > 1 ? ", (" : "(").a(String.valueOf(i)).a(", ");
          jsonPath(d, args.get(0), (StringValue) args.get(i), false);
          d.a(")");
        }
        d.a(") AS dw_paths(i, v) WHERE v IS NOT NULL)");
      }
      case "JSON_SET" -> {
        if (args.size() < 3 || args.size() % 2 == 0) {
          throw RefusedException.function(n, "JSON_SET needs a document and path/value pairs.");
        }
        jsonSet(d, args.get(0), args.subList(1, args.size()));
      }
      case "JSON_LENGTH" -> {
        arity(n, args, 1, 2);
        // MySQL: an array's element count, an object's member count, 1 for a scalar, NULL for
        // NULL or a path that is not found
        d.a("(SELECT CASE jsonb_typeof(dw_doc) WHEN 'array' THEN jsonb_array_length(dw_doc)");
        d.a(" WHEN 'object' THEN CAST((SELECT count(*) FROM jsonb_object_keys(dw_doc)) AS int)");
        d.a(" ELSE 1 END FROM (SELECT ");
        if (args.size() == 2) {
          if (!(args.get(1) instanceof StringValue path)) {
            throw RefusedException.function(n, "JSON_LENGTH needs a literal path.");
          }
          jsonPath(d, args.get(0), path, false);
        } else {
          jsonDoc(d, args.get(0));
        }
        d.a(") AS dw_len(dw_doc) WHERE dw_doc IS NOT NULL)");
      }
      case "JSON_CONTAINS" ->
          throw RefusedException.function(
              n,
              "JSON_CONTAINS differs from PostgreSQL's @> on nested values (MySQL finds a"
                  + " candidate inside any element of an array, e.g. 3 in [[3]] or {\"a\": 1} in"
                  + " [{\"a\": 1}]; @> does not), so it is not translated.");
      case "JSON_UNQUOTE" -> {
        arity(n, args, 1, 1);
        if (args.get(0) instanceof Function inner && name(inner).equals("JSON_EXTRACT")) {
          List<Expression> ia = params(inner);
          arity("JSON_EXTRACT", ia, 2, 2);
          if (ia.get(1) instanceof StringValue path) {
            jsonPath(d, ia.get(0), path, true);
            return;
          }
        }
        throw RefusedException.function(n, "JSON_UNQUOTE is translated only around JSON_EXTRACT.");
      }
      default ->
          throw RefusedException.function(
              n, "The MySQL function " + n + "() has no translation to PostgreSQL.");
    }
  }

  /**
   * MySQL HEX(): a string's bytes (UTF-8 here) or an integer's 64-bit two's complement, in upper
   * case. Which one depends on the argument's type, so an argument of unknown type is refused.
   */
  private static void hex(PgExpressionDeParser d, Expression e) {
    String digits = PgExpressionDeParser.hexDigits(e);
    if (digits != null) {
      // HEX(X'0a') gives the literal's own digits
      String even = digits.length() % 2 == 1 ? "0" + digits : digits;
      if (!even.matches("[0-9A-Fa-f]*")) {
        throw RefusedException.syntax("literal:hex", "Invalid hex literal " + digits + ".");
      }
      d.a("'").a(even.toUpperCase(Locale.ROOT)).a("'");
      return;
    }
    var c = d.columnInfo(e);
    boolean integer =
        e instanceof LongValue
            || (e instanceof SignedExpression s
                && s.getSign() == '-'
                && s.getExpression() instanceof LongValue)
            || (c.isPresent()
                && Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint")
                    .contains(TypeMapping.baseType(c.get().mysqlType())));
    if (integer) {
      if (c.isPresent()
          && c.get().mysqlType().toLowerCase(Locale.ROOT).contains("unsigned")
          && TypeMapping.baseType(c.get().mysqlType()).equals("bigint")) {
        throw RefusedException.function(
            "HEX", "HEX of a BIGINT UNSIGNED column can exceed PostgreSQL's bigint.");
      }
      d.a("upper(to_hex(CAST(");
      d.value(e);
      d.a(" AS bigint)))");
      return;
    }
    boolean binary = c.isPresent() && TypeMapping.isBinary(c.get().mysqlType());
    if (binary) {
      d.a("upper(encode(");
      d.p(e);
      d.a(", 'hex'))");
      return;
    }
    boolean string =
        (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty()))
            || (c.isPresent() && TypeMapping.isText(c.get().mysqlType()))
            || (e instanceof Function f
                && Set.of(
                        "CONCAT",
                        "LOWER",
                        "UPPER",
                        "CONCAT_WS",
                        "SUBSTRING",
                        "SUBSTR",
                        "TRIM",
                        "REPLACE")
                    .contains(name(f)));
    if (string) {
      d.a("upper(encode(convert_to(");
      d.text(e);
      d.a(", 'UTF8'), 'hex'))");
      return;
    }
    throw RefusedException.function(
        "HEX",
        "HEX("
            + e
            + ") hexes a string's bytes or an integer's value depending on the argument type,"
            + " which is not known here.");
  }

  /**
   * The PostgreSQL flags for a MySQL regular expression function: MySQL (ICU) matches under the
   * subject's collation, case-insensitively unless the subject is a column known to be
   * case-sensitive. The pattern must be a literal using only syntax ICU and PostgreSQL read alike:
   * no \\b-style escapes beyond \\d \\s \\w and escaped punctuation, no (? groups.
   */
  private static String regexFlags(
      PgExpressionDeParser d, String n, Expression subject, Expression pattern) {
    String p = literal(n, pattern, "the pattern");
    boolean dot = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      dot |= c == '.';
      if (c == '\\') {
        char next = i + 1 < p.length() ? p.charAt(i + 1) : ' ';
        if ("dDsSwW.\\()[]{}*+?|^$-/".indexOf(next) < 0) {
          throw RefusedException.function(
              n, "The pattern escape \\" + next + " means different things in ICU and PostgreSQL.");
        }
        i++;
      } else if (c == '(' && i + 1 < p.length() && p.charAt(i + 1) == '?') {
        throw RefusedException.function(
            n, "(?...) groups and flags differ between ICU and PostgreSQL patterns.");
      }
    }
    // ICU's . does not match a line break while its [^...] does; PostgreSQL's flag p changes
    // both, so a pattern with both cannot be matched alike
    if (dot && p.contains("[^")) {
      throw RefusedException.function(
          n, "A pattern with both . and [^...] treats line breaks differently in PostgreSQL.");
    }
    var info = d.columnInfo(subject);
    boolean sensitive = info.isPresent() && !info.get().caseInsensitive();
    return (sensitive ? "" : "i") + (dot ? "p" : "");
  }

  /** What MySQL's type aggregation sees of an argument. */
  enum Kind {
    STRING,
    NUMBER,
    TEMPORAL,
    NULL,
    OTHER
  }

  static Kind kind(PgExpressionDeParser d, Expression e) {
    if (e
            instanceof
            net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> p
        && p.size() == 1) {
      return kind(d, (Expression) p.get(0));
    }
    if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
      return Kind.STRING;
    }
    if (e instanceof LongValue || e instanceof net.sf.jsqlparser.expression.DoubleValue) {
      return Kind.NUMBER;
    }
    if (e instanceof SignedExpression s && kind(d, s.getExpression()) == Kind.NUMBER) {
      return Kind.NUMBER;
    }
    if (e instanceof net.sf.jsqlparser.expression.NullValue) {
      return Kind.NULL;
    }
    if (e instanceof net.sf.jsqlparser.expression.CastExpression c
        && c.isImplicitCast()
        && Set.of("DATE", "TIMESTAMP", "TIME")
            .contains(PgExpressionDeParser.upper(c.getColDataType().getDataType()))) {
      return Kind.TEMPORAL;
    }
    var c = d.columnInfo(e);
    if (c.isPresent()) {
      String t = c.get().mysqlType();
      if (TypeMapping.isText(t)) {
        return Kind.STRING;
      }
      String base = TypeMapping.baseType(t);
      if (Set.of(
              "tinyint",
              "smallint",
              "mediumint",
              "int",
              "integer",
              "bigint",
              "decimal",
              "numeric",
              "float",
              "double",
              "real")
          .contains(base)) {
        return Kind.NUMBER;
      }
      if (Set.of("date", "datetime", "timestamp", "time").contains(base)) {
        return Kind.TEMPORAL;
      }
      return Kind.OTHER;
    }
    if (e instanceof Function f) {
      String fn = name(f);
      if (fn.equals("IFNULL") || fn.equals("COALESCE")) {
        return aggregate(d, params(f));
      }
      if (Set.of("CONCAT", "CONCAT_WS", "LOWER", "UPPER", "SUBSTRING", "SUBSTR", "TRIM", "REPLACE")
          .contains(fn)) {
        return Kind.STRING;
      }
    }
    return Kind.OTHER;
  }

  /** MySQL: the arguments of IFNULL/COALESCE agree on a type, or any string makes a string. */
  static Kind aggregate(PgExpressionDeParser d, List<Expression> args) {
    Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
    for (Expression a : args) {
      kinds.add(kind(d, a));
    }
    kinds.remove(Kind.NULL);
    if (kinds.contains(Kind.STRING)) {
      return Kind.STRING;
    }
    return kinds.size() == 1 ? kinds.iterator().next() : Kind.OTHER;
  }

  /**
   * IFNULL/COALESCE: PostgreSQL needs one type and converts a string to the other arguments' type
   * ('none' to a number fails), while MySQL returns a string when a string is mixed with other
   * types: then every argument is printed as text.
   */
  private static void coalesce(PgExpressionDeParser d, List<Expression> args) {
    Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
    for (Expression a : args) {
      kinds.add(kind(d, a));
    }
    kinds.remove(Kind.NULL);
    boolean mixedWithString =
        kinds.contains(Kind.STRING) && kinds.size() > 1 && !literalsReadAsTheOtherKind(d, args);
    int scale = mixedWithString ? -1 : commonDecimalScale(d, args);
    d.a(scale > 0 ? "round(COALESCE(" : "COALESCE(");
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        d.a(", ");
      }
      if (mixedWithString) {
        d.text(args.get(i));
      } else {
        d.value(args.get(i));
      }
    }
    d.a(scale > 0 ? "), " + scale + ")" : ")");
  }

  /**
   * {@code IFNULL(total, 0)} with a DECIMAL(12,2) {@code total}: MySQL's result is a DECIMAL with
   * the largest scale of its arguments, so a NULL total gives {@code 0.00}; PostgreSQL's numeric
   * would give {@code 0}. Returns that scale when every argument is an exact number of known scale
   * (integer literals, integer or DECIMAL columns, SUM/MIN/MAX of one) and they differ, else -1.
   */
  private static int commonDecimalScale(PgExpressionDeParser d, List<Expression> args) {
    int max = 0;
    boolean differ = false;
    Integer first = null;
    for (Expression a : args) {
      if (a instanceof net.sf.jsqlparser.expression.NullValue) {
        continue;
      }
      Integer s = exactScale(d, a);
      if (s == null) {
        return -1;
      }
      if (first == null) {
        first = s;
      } else if (!first.equals(s)) {
        differ = true;
      }
      max = Math.max(max, s);
    }
    return differ ? max : -1;
  }

  /** The scale of an exact number: 0 for integers, s for DECIMAL(p,s); null when unknown. */
  private static Integer exactScale(PgExpressionDeParser d, Expression e) {
    if (e instanceof LongValue) {
      return 0;
    }
    if (e instanceof Function f
        && Set.of("SUM", "MIN", "MAX").contains(name(f))
        && params(f).size() == 1) {
      return exactScale(d, params(f).get(0));
    }
    var c = d.columnInfo(e);
    if (c.isEmpty()) {
      return null;
    }
    String t = c.get().mysqlType().trim().toLowerCase(Locale.ROOT);
    String base = TypeMapping.baseType(t);
    if (Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint").contains(base)) {
      return 0;
    }
    if (base.equals("decimal") || base.equals("numeric")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?:decimal|numeric)\\(\\d+,\\s*(\\d+)\\).*").matcher(t);
      return m.matches() ? Integer.valueOf(m.group(1)) : 0;
    }
    return null;
  }

  /**
   * {@code IFNULL(date_col, '9999-12-31')}, {@code IFNULL(qty, '0')}: MySQL's result is a string,
   * but every string argument is a literal written as a value of the one other kind, so the value
   * and its text agree, and PostgreSQL reads the literal as that type (printing every argument as
   * text would instead break a comparison such as {@code ? BETWEEN d1 AND IFNULL(d2,
   * '9999-12-31')}: PostgreSQL has no {@code date <= text}).
   */
  private static boolean literalsReadAsTheOtherKind(PgExpressionDeParser d, List<Expression> args) {
    Kind other = null;
    for (Expression a : args) {
      Kind k = kind(d, a);
      if (k == Kind.STRING) {
        if (!(a instanceof StringValue)) {
          return false;
        }
      } else if (k != Kind.NULL) {
        if (other != null && other != k) {
          return false;
        }
        other = k;
      }
    }
    if (other != Kind.TEMPORAL && other != Kind.NUMBER) {
      return false;
    }
    for (Expression a : args) {
      if (a instanceof StringValue v && kind(d, a) == Kind.STRING) {
        String text = v.getValue();
        boolean fits =
            other == Kind.NUMBER
                ? text.matches("-?[0-9]+(\\.[0-9]+)?")
                : text.matches(
                    "[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?)?");
        if (!fits) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when a hex literal (a binary string) is one of e's function arguments, at any depth. */
  private static boolean containsHex(Expression e) {
    if (PgExpressionDeParser.hexDigits(e) != null) {
      return true;
    }
    if (e instanceof Function f && f.getParameters() != null) {
      for (Object a : f.getParameters()) {
        if (a instanceof Expression x && containsHex(x)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void bytesOrText(PgExpressionDeParser d, Expression e) {
    var c = d.columnInfo(e);
    if ((c.isPresent() && TypeMapping.isBinary(c.get().mysqlType()))
        || PgExpressionDeParser.hexDigits(e) != null) {
      d.p(e);
    } else {
      d.text(e);
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

  /** NOW(), UUID(), RAND(), ...: a typed '?' when pinned, else the PostgreSQL equivalent. */
  private static void nonDeterministic(
      PgExpressionDeParser d, Expression node, String n, List<Expression> args) {
    int fsp = 0;
    if (n.equals("LAST_INSERT_ID")) {
      lastInsertId(d, node, args);
      return;
    }
    if (n.equals("RAND") && !args.isEmpty()) {
      throw RefusedException.function(
          "RAND", "RAND(seed) produces MySQL's own pseudo-random sequence.");
    }
    if (n.equals("UNIX_TIMESTAMP") && !args.isEmpty()) {
      arity(n, args, 1, 1);
      int digits = fractionalDigitsOfColumn(d, args.get(0));
      if (digits > 0) {
        // a DATETIME(n)/TIMESTAMP(n) column gives a DECIMAL with its n fractional digits
        d.a("round(EXTRACT(EPOCH FROM CAST(CAST(");
        d.dateOperand(args.get(0));
        d.a(" AS timestamp) AS timestamptz)), " + digits + ")");
        return;
      }
      d.a("CAST(floor(EXTRACT(EPOCH FROM CAST(CAST(");
      d.dateOperand(args.get(0));
      d.a(" AS timestamp) AS timestamptz))) AS bigint)");
      return;
    }
    if (!args.isEmpty()) {
      if (args.size() == 1 && args.get(0) instanceof LongValue lv && lv.getValue() <= 6) {
        fsp = (int) lv.getValue();
      } else {
        throw RefusedException.function(n, n + " with these arguments is not supported.");
      }
    }
    timeKey(d, node, n, fsp);
  }

  /**
   * Functions only the MySQL session or server can answer: the current database, the server
   * version, the connection id and user, named locks (GET_LOCK serialises the application's
   * instances through MySQL: all of them must ask MySQL).
   */
  static final Set<String> MYSQL_SESSION =
      Set.of(
          "DATABASE",
          "SCHEMA",
          "VERSION",
          "CONNECTION_ID",
          "USER",
          "CURRENT_USER",
          "SESSION_USER",
          "SYSTEM_USER",
          "GET_LOCK",
          "RELEASE_LOCK",
          "RELEASE_ALL_LOCKS",
          "IS_FREE_LOCK",
          "IS_USED_LOCK");

  /**
   * A read using {@link #MYSQL_SESSION} functions (or user and system variables, or CURRENT_USER)
   * is answered by MySQL while it is in use: refused with the {@code driver-intercepted:} code the
   * driver looks for. In a write it cannot be mirrored.
   */
  static void mysqlSession(PgExpressionDeParser d, String what) {
    if (d.ctx.inWrite) {
      throw RefusedException.function(
          what, what + " is known to the MySQL session only; a write using it cannot be mirrored.");
    }
    throw new RefusedException(
        "driver-intercepted:mysql-session:" + what,
        what + " is answered by MySQL's session (the driver sends the read to MySQL).");
  }

  /**
   * LAST_INSERT_ID(). In a write, the no-argument form is the MySQL session's value from before the
   * statement, which the driver reads from MySQL and binds on both sides (a pinned call); {@code
   * LAST_INSERT_ID(expr)} stores expr (the idiom {@code id = LAST_INSERT_ID(id + 1)}), its session
   * side effect being MySQL's. In a read the driver answers it from MySQL (refused here with the
   * {@code driver-intercepted:LAST_INSERT_ID} code it looks for).
   */
  private static void lastInsertId(PgExpressionDeParser d, Expression node, List<Expression> args) {
    if (args.size() == 1 && d.ctx.inWrite) {
      d.a("(");
      d.value(args.get(0));
      d.a(")");
      return;
    }
    if (args.isEmpty() && d.ctx.inWrite) {
      Integer call = d.ctx.callIndex.get(node);
      if (call != null && d.ctx.pinCalls) {
        d.a("CAST(? AS bigint)");
        d.ctx.bindings.add(new Binding.ComputedValue(call));
      } else {
        // Only the pinned form runs; this one is for display (translate): PostgreSQL's nearest.
        d.a("lastval()");
      }
      return;
    }
    if (args.size() > 1) {
      arity("LAST_INSERT_ID", args, 0, 1);
    }
    throw new RefusedException(
        "driver-intercepted:LAST_INSERT_ID",
        "LAST_INSERT_ID() is answered by the driver from MySQL's session.");
  }

  /** The fractional-seconds precision of a DATETIME(n)/TIMESTAMP(n) column, else 0. */
  private static int fractionalDigitsOfColumn(PgExpressionDeParser d, Expression e) {
    var c = d.columnInfo(e);
    if (c.isEmpty()) {
      return 0;
    }
    String t = c.get().mysqlType().trim().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(datetime|timestamp)\\(([0-6])\\).*").matcher(t);
    return m.matches() ? Integer.parseInt(m.group(2)) : 0;
  }

  /** The fractional-seconds digits of a non-deterministic call node (NOW(3) gives 3). */
  static int fractionalDigits(Expression node) {
    if (node instanceof Function f
        && f.getParameters() != null
        && f.getParameters().size() == 1
        && f.getParameters().get(0) instanceof LongValue lv) {
      return (int) lv.getValue();
    }
    return 0;
  }

  /** The upper-case function name of a non-deterministic call node, or null. */
  static String nonDeterministicName(Expression node) {
    String n;
    if (node instanceof Function f) {
      if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
        return null;
      }
      n = PgExpressionDeParser.upper(Identifiers.normalize(f.getName()));
      if (n.equals("UNIX_TIMESTAMP") && f.getParameters() != null && !f.getParameters().isEmpty()) {
        return null;
      }
      if ((n.equals("RAND") || n.equals("LAST_INSERT_ID"))
          && f.getParameters() != null
          && !f.getParameters().isEmpty()) {
        return null;
      }
    } else if (node instanceof TimeKeyExpression t) {
      n = PgExpressionDeParser.upper(t.getStringValue()).replace("()", "").trim();
    } else {
      return null;
    }
    return NON_DETERMINISTIC.contains(n) ? n : null;
  }

  static void timeKey(PgExpressionDeParser d, Expression node, String n, int fsp) {
    Integer call = d.ctx.callIndex.get(node);
    if (d.ctx.pinCalls && call != null) {
      d.a("CAST(? AS ").a(pinnedType(n, fsp)).a(")");
      d.ctx.bindings.add(new Binding.ComputedValue(call));
      return;
    }
    switch (n) {
      case "NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP" ->
          d.a(fsp == 0 ? "date_trunc('second', LOCALTIMESTAMP)" : "LOCALTIMESTAMP(" + fsp + ")");
      case "SYSDATE" ->
          d.a(
              fsp == 0
                  ? "date_trunc('second', CAST(clock_timestamp() AS timestamp))"
                  : "CAST(clock_timestamp() AS timestamp(" + fsp + "))");
      case "CURDATE", "CURRENT_DATE" -> d.a("CURRENT_DATE");
      case "CURTIME", "CURRENT_TIME" ->
          d.a(
              fsp == 0
                  ? "CAST(date_trunc('second', LOCALTIME) AS time)"
                  : "LOCALTIME(" + fsp + ")");
      case "UTC_TIMESTAMP" ->
          d.a(
              fsp == 0
                  ? "date_trunc('second', CAST(now() AT TIME ZONE 'UTC' AS timestamp))"
                  : "CAST(now() AT TIME ZONE 'UTC' AS timestamp(" + fsp + "))");
      case "UTC_DATE" -> d.a("CAST(now() AT TIME ZONE 'UTC' AS date)");
      case "UTC_TIME" -> d.a("CAST(date_trunc('second', now() AT TIME ZONE 'UTC') AS time)");
      case "UNIX_TIMESTAMP" -> d.a("CAST(floor(EXTRACT(EPOCH FROM now())) AS bigint)");
      case "UUID" -> d.a("CAST(gen_random_uuid() AS text)");
      case "RAND" -> d.a("random()");
      default -> throw new IllegalStateException(n);
    }
  }

  static String pinnedType(String n, int fsp) {
    return switch (n) {
      case "CURDATE", "CURRENT_DATE", "UTC_DATE" -> "date";
      case "CURTIME", "CURRENT_TIME", "UTC_TIME" -> "time(" + fsp + ")";
      case "UNIX_TIMESTAMP" -> "bigint";
      case "UUID" -> "text";
      case "RAND" -> "double precision";
      default -> "timestamp(" + fsp + ")";
    };
  }

  static void groupConcat(PgExpressionDeParser d, MySQLGroupConcat g) {
    String sep = ",";
    if (g.getSeparator() != null) {
      String raw = g.getSeparator().trim();
      if (raw.length() < 2 || raw.charAt(0) != '\'' || raw.charAt(raw.length() - 1) != '\'') {
        throw RefusedException.function("GROUP_CONCAT", "GROUP_CONCAT needs a literal SEPARATOR.");
      }
      sep = MysqlLexer.decodeCanonical(raw.substring(1, raw.length() - 1));
    }
    @SuppressWarnings("unchecked")
    List<Expression> args = (List<Expression>) g.getExpressionList();
    List<OrderByElement> order = g.getOrderByElements();
    if (g.isDistinct() && order != null && !order.isEmpty()) {
      distinctOrderedGroupConcat(d, args, order, sep);
      return;
    }
    if (g.isDistinct() && d.anyCaseInsensitive(args)) {
      distinctGroupConcatByRows(d, args, List.of(), sep);
      return;
    }
    d.a("string_agg(");
    if (g.isDistinct()) {
      d.a("DISTINCT ");
    }
    if (args.size() == 1) {
      d.text(args.get(0));
    } else {
      d.a("(");
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          d.a(" || ");
        }
        d.text(args.get(i));
      }
      d.a(")");
    }
    d.a(", '").a(sep.replace("'", "''")).a("'");
    if (order != null && !order.isEmpty()) {
      d.a(" ORDER BY ");
      d.orderBy(order);
    }
    d.a(")");
  }

  /**
   * GROUP_CONCAT(DISTINCT x ORDER BY x [DESC]) on a case-sensitive value: PostgreSQL's DISTINCT
   * aggregates may only order by their argument, so the values are collected in their own type
   * (numbers sort as numbers) and joined as text; NULLs are skipped and an all-NULL group gives
   * NULL, as in MySQL. Every other DISTINCT with ORDER BY, and DISTINCT over case-insensitive text,
   * goes through {@link #distinctGroupConcatByRows}.
   */
  private static void distinctOrderedGroupConcat(
      PgExpressionDeParser d, List<Expression> args, List<OrderByElement> order, String sep) {
    Expression x = args.size() == 1 ? args.get(0) : null;
    boolean sameExpression = x != null && order.size() == 1;
    for (OrderByElement o : order) {
      sameExpression &= o.getExpression().toString().equals(String.valueOf(x));
    }
    if (!sameExpression || d.anyCaseInsensitive(args)) {
      distinctGroupConcatByRows(d, args, order, sep);
      return;
    }
    d.a("array_to_string(array_agg(DISTINCT ");
    d.value(x);
    d.a(" ORDER BY ");
    d.value(x);
    d.a(order.get(0).isAsc() ? "" : " DESC");
    d.a(") FILTER (WHERE ");
    d.value(x);
    d.a(" IS NOT NULL), '").a(sep.replace("'", "''")).a("')");
  }

  /**
   * GROUP_CONCAT(DISTINCT a, b ORDER BY k1, k2 SEPARATOR s) in general: the group's values and sort
   * keys are collected into parallel arrays (aggregates of the outer query), and a scalar subquery
   * over their rows keeps one row per distinct (a, b) - compared case-insensitively where MySQL's
   * collation is - and joins them in key order:
   *
   * <pre>
   * (SELECT string_agg(dw_v1 || dw_v2, 's' ORDER BY dw_k1, dw_k2, dw_v1, dw_v2)
   *    FROM (SELECT DISTINCT ON (dw_v1, dw_v2) dw_v1, dw_v2, dw_k1, dw_k2
   *            FROM unnest(array_agg(a), array_agg(b), array_agg(k1), array_agg(k2))
   *                 AS dw_u(dw_v1, dw_v2, dw_k1, dw_k2)
   *           WHERE dw_v1 IS NOT NULL AND dw_v2 IS NOT NULL
   *           ORDER BY dw_v1, dw_v2, dw_k1, dw_k2) dw_g)
   * </pre>
   *
   * Arguments without a column (a separator literal) are printed in place. A value that occurs with
   * several sort keys is placed by its first key in sort order; MySQL places it by the key of the
   * row it happened to read first, which SQL leaves unspecified (when the key depends on the value,
   * as in Sakila's actor_info, both agree). Of values equal under a case-insensitive collation, the
   * first in that order is shown (MySQL: the first read).
   */
  private static void distinctGroupConcatByRows(
      PgExpressionDeParser d, List<Expression> args, List<OrderByElement> order, String sep) {
    if (!hasColumn(args)) {
      // an aggregate over constants only would belong to the subquery, not to the group
      throw RefusedException.function(
          "GROUP_CONCAT", "GROUP_CONCAT(DISTINCT ...) of constants only is not translated.");
    }
    // Arguments without a column are the same on every row: printed in place, not collected
    // (an aggregate of a constant inside the subquery would belong to the subquery).
    List<Expression> collected = new java.util.ArrayList<>();
    List<String> distinctOn = new java.util.ArrayList<>();
    List<String> values = new java.util.ArrayList<>();
    for (Expression arg : args) {
      if (hasColumn(List.of(arg))) {
        collected.add(arg);
        String v = "dw_v" + collected.size();
        values.add(v);
        distinctOn.add(d.isCaseInsensitiveText(arg) ? "lower(" + v + ")" : v);
      }
    }
    List<OrderByElement> keys = new java.util.ArrayList<>();
    for (OrderByElement o : order == null ? List.<OrderByElement>of() : order) {
      if (hasColumn(List.of(o.getExpression()))) {
        keys.add(o); // a constant key orders nothing
      }
    }
    List<String> sortKeys = new java.util.ArrayList<>();
    for (int i = 1; i <= keys.size(); i++) {
      OrderByElement o = keys.get(i - 1);
      StringBuilder k = new StringBuilder("dw_k" + i);
      if (!o.isAsc()) {
        k.append(" DESC");
      }
      k.append(PgExpressionDeParser.nullOrderingOf(o));
      sortKeys.add(k.toString());
    }
    List<String> joinOrder = new java.util.ArrayList<>(sortKeys);
    joinOrder.addAll(distinctOn);
    List<String> pickOrder = new java.util.ArrayList<>(distinctOn);
    pickOrder.addAll(sortKeys);
    if (!distinctOn.equals(values)) {
      pickOrder.addAll(values);
    }
    List<String> columns = new java.util.ArrayList<>(values);
    for (int i = 1; i <= keys.size(); i++) {
      columns.add("dw_k" + i);
    }
    d.a("(SELECT string_agg(");
    int v = 0;
    for (int i = 0; i < args.size(); i++) {
      d.a(i > 0 ? " || " : "");
      if (v < collected.size() && collected.get(v) == args.get(i)) {
        d.a(values.get(v++));
      } else {
        d.text(args.get(i));
      }
    }
    d.a(", '").a(sep.replace("'", "''")).a("' ORDER BY ").a(String.join(", ", joinOrder));
    d.a(") FROM (SELECT DISTINCT ON (").a(String.join(", ", distinctOn)).a(") ");
    d.a(String.join(", ", columns)).a(" FROM unnest(");
    for (int i = 0; i < collected.size(); i++) {
      d.a(i > 0 ? ", " : "").a("array_agg(");
      d.text(collected.get(i));
      d.a(")");
    }
    for (OrderByElement o : keys) {
      d.a(", array_agg(");
      d.orderKey(o.getExpression());
      d.a(")");
    }
    d.a(") AS dw_u(").a(String.join(", ", columns)).a(") WHERE ");
    d.a(String.join(" AND ", values.stream().map(x -> x + " IS NOT NULL").toList()));
    d.a(" ORDER BY ").a(String.join(", ", pickOrder)).a(") dw_g)");
  }

  /**
   * MIN/MAX of a case-insensitive column: MySQL compares under the collation ('alice' < 'Bob'),
   * PostgreSQL's min/max in code-point order ('Bob' < 'alice'). The value first in case-insensitive
   * order is taken as written; of values equal but for case, the first in code-point order (MySQL:
   * the first read). NULLs are skipped and an all-NULL group gives NULL, as with min/max.
   */
  private static void caseInsensitiveMinMax(PgExpressionDeParser d, Expression x, boolean max) {
    String dir = max ? " DESC" : "";
    d.a("(array_agg(");
    d.value(x);
    d.a(" ORDER BY lower(");
    d.value(x);
    d.a(")").a(dir).a(", ");
    d.value(x);
    d.a(dir).a(") FILTER (WHERE ");
    d.value(x);
    d.a(" IS NOT NULL))[1]");
  }

  /** Whether any of the expressions refers to a column. */
  private static boolean hasColumn(List<Expression> list) {
    boolean[] found = {false};
    for (Expression e : list) {
      e.accept(
          new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
              found[0] = true;
              return null;
            }
          },
          null);
    }
    return found[0];
  }

  /** $.a.b / $[0] paths: the only JSON paths translated (to #> / #>> on jsonb). */
  static void jsonPath(
      PgExpressionDeParser d, Expression doc, StringValue pathLiteral, boolean text) {
    List<String> keys = jsonPathKeys(pathLiteral);
    d.a("(");
    jsonDoc(d, doc);
    d.a(text ? " #>> " : " #> ");
    d.a(pgPath(keys));
    d.a(")");
  }

  /**
   * JSON_SET(doc, path, value, ...): each pair in turn replaces the value at path or adds it when
   * only the last member is missing; jsonb_set(..., create_missing => true) does the same. MySQL
   * ignores a path whose parent is not an object (an array or the document itself), where jsonb_set
   * raises an error: that case returns the document unchanged. Paths with array positions are
   * refused (MySQL wraps a scalar into an array there; jsonb_set does not).
   */
  private static void jsonSet(PgExpressionDeParser d, Expression doc, List<Expression> pairs) {
    if (pairs.isEmpty()) {
      jsonDoc(d, doc);
      return;
    }
    if (!(pairs.get(pairs.size() - 2) instanceof StringValue pathLiteral)) {
      throw RefusedException.function("JSON_SET", "JSON_SET needs literal paths.");
    }
    String raw = MysqlLexer.decodeCanonical(pathLiteral.getValue());
    if (raw.contains("[")) {
      throw RefusedException.function(
          "JSON_SET",
          "JSON_SET with an array position in the path (" + raw + ") is not translated.");
    }
    List<String> keys = jsonPathKeys(pathLiteral);
    if (keys.isEmpty()) {
      throw RefusedException.function(
          "JSON_SET", "JSON_SET of the whole document is not translated.");
    }
    d.a("(SELECT CASE WHEN jsonb_typeof(dw_doc) = 'object'");
    for (int i = 1; i < keys.size(); i++) {
      d.a(" AND jsonb_typeof(dw_doc #> ").a(pgPath(keys.subList(0, i)));
      d.a(") IS DISTINCT FROM 'array'");
    }
    d.a(" THEN jsonb_set(dw_doc, ").a(pgPath(keys)).a(", (jsonb_build_array(");
    jsonValue(d, pairs.get(pairs.size() - 1));
    d.a(") -> 0), true) ELSE dw_doc END FROM (SELECT ");
    jsonSet(d, doc, pairs.subList(0, pairs.size() - 2));
    d.a(") AS dw_set(dw_doc))");
  }

  /** A JSON document operand: a column as is (jsonb), anything else cast (MySQL parses text). */
  static void jsonDoc(PgExpressionDeParser d, Expression doc) {
    if (doc instanceof Column) {
      d.p(doc);
    } else {
      d.a("CAST(");
      d.value(doc);
      d.a(" AS jsonb)");
    }
  }

  /** The keys (array indexes as digits) of a MySQL path literal; refuses other path forms. */
  static List<String> jsonPathKeys(StringValue pathLiteral) {
    String path = MysqlLexer.decodeCanonical(pathLiteral.getValue());
    if (!path.startsWith("$")) {
      throw RefusedException.function("JSON_EXTRACT", "Invalid JSON path " + path + ".");
    }
    List<String> keys = new java.util.ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int j = i + 1;
        if (j < path.length() && path.charAt(j) == '"') {
          int close = path.indexOf('"', j + 1);
          if (close < 0) {
            throw RefusedException.function("JSON_EXTRACT", "Invalid JSON path " + path + ".");
          }
          keys.add(path.substring(j + 1, close));
          i = close + 1;
          continue;
        }
        while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        String key = path.substring(i + 1, j);
        if (key.isEmpty() || key.contains("*")) {
          throw RefusedException.function(
              "JSON_EXTRACT",
              "The JSON path " + path + " uses wildcards, which are not supported.");
        }
        keys.add(key);
        i = j;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        String idx = close < 0 ? "" : path.substring(i + 1, close).trim();
        if (!idx.matches("[0-9]+")) {
          throw RefusedException.function(
              "JSON_EXTRACT", "The JSON path " + path + " is not a plain key/index path.");
        }
        keys.add(idx);
        i = close + 1;
      } else {
        throw RefusedException.function("JSON_EXTRACT", "Invalid JSON path " + path + ".");
      }
    }
    return keys;
  }

  /** A PostgreSQL text[] path literal, e.g. '{a,0}'. */
  static String pgPath(List<String> keys) {
    StringBuilder b = new StringBuilder("'{");
    for (int k = 0; k < keys.size(); k++) {
      if (k > 0) {
        b.append(",");
      }
      String key = keys.get(k);
      boolean quote = !key.matches("[A-Za-z0-9_]+");
      b.append(
          quote
              ? "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''") + "\""
              : key);
    }
    return b.append("}'").toString();
  }

  static void json(PgExpressionDeParser d, JsonFunction j) {
    switch (j.getType()) {
      case MYSQL_OBJECT, OBJECT, POSTGRES_OBJECT -> {
        d.a("jsonb_build_object(");
        boolean first = true;
        for (JsonKeyValuePair kv : j.getKeyValuePairs()) {
          if (!first) {
            d.a(", ");
          }
          first = false;
          jsonArg(d, kv.getKey());
          d.a(", ");
          if (kv.getValue() instanceof Expression value) {
            jsonValue(d, value);
          } else {
            jsonArg(d, kv.getValue());
          }
        }
        d.a(")");
      }
      case ARRAY -> {
        d.a("jsonb_build_array(");
        boolean first = true;
        for (JsonFunctionExpression e : j.getExpressions()) {
          if (!first) {
            d.a(", ");
          }
          first = false;
          if (e.isUsingFormatJson()) {
            throw PgExpressionDeParser.refuseNode(j, "FORMAT JSON");
          }
          jsonValue(d, e.getExpression());
        }
        d.a(")");
      }
      default -> throw PgExpressionDeParser.refuseNode(j, j.getType().name());
    }
  }

  /**
   * A value put into JSON the way MySQL 8 puts it: TRUE/FALSE and conditions are JSON booleans (not
   * 1/0), a DATETIME/TIMESTAMP is the string 'YYYY-MM-DD hh:mm:ss.ffffff' and a TIME
   * 'hh:mm:ss.ffffff' (PostgreSQL writes ISO 8601 with a T and trims the fraction).
   */
  private static void jsonValue(PgExpressionDeParser d, Expression e) {
    if (e instanceof JdbcParameter) {
      jsonBind(d, e);
      return;
    }
    if (e instanceof net.sf.jsqlparser.expression.BooleanValue b) {
      d.a(b.getValue() ? "TRUE" : "FALSE");
      return;
    }
    if (e instanceof Column c
        && c.getTable() == null
        && Set.of("TRUE", "FALSE").contains(PgExpressionDeParser.upper(c.getColumnName()))) {
      d.a(PgExpressionDeParser.upper(c.getColumnName()));
      return;
    }
    if (PgExpressionDeParser.isBoolean(e)) {
      d.a("(");
      d.cond(e);
      d.a(")");
      return;
    }
    var c = d.columnInfo(e);
    String base = c.map(ci -> TypeMapping.baseType(ci.mysqlType())).orElse("");
    if (base.equals("datetime") || base.equals("timestamp") || base.equals("time")) {
      d.a("to_char(");
      d.p(e);
      d.a(base.equals("time") ? ", 'HH24:MI:SS.US')" : ", 'YYYY-MM-DD HH24:MI:SS.US')");
      return;
    }
    d.value(e);
  }

  /**
   * A bound value put into JSON: its JSON type follows the type the driver binds, as in MySQL
   * (setInt/setLong/setBigDecimal/setDouble give a number, setString a string, a null JSON null).
   * {@code ARRAY[?]} lets PostgreSQL type the parameter: a typed bind keeps its type, an untyped
   * one (pgjdbc sends strings unspecified) resolves to text, where jsonb_build_* and to_jsonb alone
   * cannot type it (42P18). Connector/J sends setBoolean as 1/0, so a JSON boolean becomes that
   * number. Documented difference: a bound date-time is written as PostgreSQL's ISO text (with a
   * T).
   */
  static void jsonBind(PgExpressionDeParser d, Expression param) {
    d.a(
        "(SELECT CASE jsonb_typeof(v) WHEN 'boolean' THEN to_jsonb(CAST(CAST(v AS boolean) AS int))");
    d.a(" ELSE v END FROM (SELECT to_jsonb(ARRAY[");
    d.p(param);
    d.a("]) -> 0) AS dw_json(v))");
  }

  private static void jsonArg(PgExpressionDeParser d, Object o) {
    if (o instanceof Expression e) {
      if (e instanceof JdbcParameter) {
        d.a("CAST(");
        d.p(e);
        d.a(" AS text)");
      } else {
        d.value(e);
      }
    } else if (o instanceof String s) {
      String t = s.trim();
      if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
        d.a("'").a(MysqlLexer.decodeCanonical(t.substring(1, t.length() - 1)).replace("'", "''"));
        d.a("'");
      } else {
        throw RefusedException.function(
            "JSON_OBJECT", "Unsupported JSON_OBJECT argument " + s + ".");
      }
    } else {
      throw RefusedException.function("JSON_OBJECT", "Unsupported JSON_OBJECT argument " + o + ".");
    }
  }

  static void analytic(PgExpressionDeParser d, AnalyticExpression e) {
    String n = PgExpressionDeParser.upper(e.getName());
    if (e.getKeep() != null
        || e.getWindowName() != null
        || e.getFilterExpression() != null
        || e.isIgnoreNulls()
        || e.getType() != net.sf.jsqlparser.expression.AnalyticType.OVER) {
      throw PgExpressionDeParser.refuseNode(e, "window function form");
    }
    if (!Set.of(
            "ROW_NUMBER",
            "RANK",
            "DENSE_RANK",
            "COUNT",
            "SUM",
            "MIN",
            "MAX",
            "AVG",
            "LAG",
            "LEAD",
            "FIRST_VALUE",
            "LAST_VALUE",
            "NTILE",
            "PERCENT_RANK",
            "CUME_DIST")
        .contains(n)) {
      throw RefusedException.function(n, "The window function " + n + " is not supported.");
    }
    d.a(n.toLowerCase(Locale.ROOT)).a("(");
    if (e.isDistinct()) {
      throw RefusedException.function(n, "DISTINCT in a window function is not supported.");
    }
    if (e.isAllColumns()) {
      d.a("*");
    } else if (e.getExpression() != null) {
      d.value(e.getExpression());
      if (e.getOffset() != null) {
        d.a(", ");
        d.value(e.getOffset());
      }
      if (e.getDefaultValue() != null) {
        d.a(", ");
        d.value(e.getDefaultValue());
      }
    }
    d.a(") OVER (");
    boolean space = false;
    if (e.getPartitionExpressionList() != null && !e.getPartitionExpressionList().isEmpty()) {
      d.a("PARTITION BY ");
      @SuppressWarnings("unchecked")
      List<Expression> parts = (List<Expression>) e.getPartitionExpressionList();
      d.args(parts, true);
      space = true;
    }
    if (e.getOrderByElements() != null && !e.getOrderByElements().isEmpty()) {
      d.a(space ? " ORDER BY " : "ORDER BY ");
      d.orderBy(e.getOrderByElements());
      space = true;
    }
    if (e.getWindowElement() != null) {
      // ROWS/RANGE frames are standard SQL, read the same by both databases
      String frame = e.getWindowElement().toString().trim();
      if (!frame.matches(
          "(?i)(ROWS|RANGE)( BETWEEN)?( (UNBOUNDED|CURRENT|[0-9]+)( PRECEDING| FOLLOWING| ROW)?( AND)?)+")) {
        throw PgExpressionDeParser.refuseNode(e, "window frame");
      }
      d.a(space ? " " : "").a(frame);
    }
    d.a(")");
  }
}
