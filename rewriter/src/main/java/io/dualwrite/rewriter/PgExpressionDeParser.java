package io.dualwrite.rewriter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Prints MySQL expressions as PostgreSQL expressions with the same meaning, or refuses them.
 *
 * <p>Every expression class JSqlParser knows is either printed here with a translation, or refused
 * ({@link #refuseNode}); nothing is printed "as parsed" hoping PostgreSQL reads it the same way.
 */
class PgExpressionDeParser extends UntranslatableExpressionDeParser {

  final PrintContext ctx;

  PgExpressionDeParser(PrintContext ctx) {
    this.ctx = ctx;
  }

  // ---------------------------------------------------------------- helpers

  final void p(Expression e) {
    e.accept(this, null);
  }

  final StringBuilder out() {
    return getBuilder();
  }

  final PgExpressionDeParser a(String s) {
    getBuilder().append(s);
    return this;
  }

  /**
   * Prints {@code template} with each {@code {#i}} replaced by a fresh print of {@code parts[i]}:
   * an operand used several times is printed each time, so its bind parameters are bound each time.
   */
  final void template(String template, Runnable... parts) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' && template.startsWith("{#", i) ? template.indexOf('}', i) : -1;
      if (close > i + 2 && template.substring(i + 2, close).chars().allMatch(Character::isDigit)) {
        parts[Integer.parseInt(template.substring(i + 2, close))].run();
        i = close + 1;
      } else {
        getBuilder().append(c);
        i++;
      }
    }
  }

  /** True when the expression yields a PostgreSQL boolean. */
  static boolean isBoolean(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return isBoolean((Expression) list.get(0));
    }
    return e instanceof ComparisonOperator
        || e instanceof AndExpression
        || e instanceof OrExpression
        || e instanceof XorExpression
        || e instanceof NotExpression
        || e instanceof IsNullExpression
        || e instanceof IsBooleanExpression
        || e instanceof LikeExpression
        || e instanceof InExpression
        || e instanceof Between
        || e instanceof ExistsExpression
        || e instanceof CosineSimilarity
        || e instanceof Concat
        || e instanceof IsDistinctExpression
        || e instanceof MemberOfExpression;
  }

  /** Prints e where PostgreSQL needs a boolean (MySQL treats any non-zero number as true). */
  final void cond(Expression e) {
    if (isBoolean(e)) {
      p(e);
    } else if (e instanceof BooleanValue b) {
      a(b.getValue() ? "TRUE" : "FALSE");
    } else if (JsonFunctions.isJsonValued(this, e)) {
      // MySQL compares a JSON value in a condition with the JSON integer 0: JSON false, null and
      // strings are true there (MySQL 9.7.4), only a number equal to 0 is false
      a("(");
      p(e);
      a(") <> CAST('0' AS jsonb)");
    } else {
      a("(");
      p(e);
      a(") <> 0");
    }
  }

  /** Prints e where MySQL yields a value: booleans become 1/0 as in MySQL. */
  final void value(Expression e) {
    if (isBoolean(e)) {
      a("CAST((");
      p(e);
      a(") AS integer)");
    } else {
      p(e);
    }
  }

  /** Value functions whose result is their first argument's value (and MySQL type). */
  private static final java.util.Set<String> SAME_VALUE_FUNCTIONS =
      java.util.Set.of(
          "MIN", "MAX", "ANY_VALUE", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "LAG", "LEAD");

  /**
   * Whether MySQL's value of e is a BIT (bytes where a string is wanted): a BIT column, MIN/MAX/
   * ANY_VALUE or a window value function of one, a scalar subquery selecting one (a column of a
   * table of its FROM, or MIN/MAX of it).
   */
  final boolean isBitValued(Expression e) {
    Expression x = unwrapped(e);
    Optional<ColumnInfo> c = columnInfo(x);
    if (c.isPresent()) {
      return TypeMapping.isBit(c.get().mysqlType());
    }
    if (x instanceof Function f
        && f.getName() != null
        && SAME_VALUE_FUNCTIONS.contains(upper(f.getName()))
        && f.getParameters() != null
        && !f.getParameters().isEmpty()) {
      return isBitValued((Expression) f.getParameters().get(0));
    }
    if (x instanceof AnalyticExpression a
        && a.getName() != null
        && SAME_VALUE_FUNCTIONS.contains(upper(a.getName()))
        && a.getExpression() != null) {
      return isBitValued(a.getExpression());
    }
    if (x instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect sub
        && sub.getSelect() instanceof net.sf.jsqlparser.statement.select.PlainSelect ps
        && ps.getSelectItems() != null
        && ps.getSelectItems().size() == 1) {
      Expression item = unwrapped(ps.getSelectItems().get(0).getExpression());
      if (item instanceof Function f
          && f.getName() != null
          && SAME_VALUE_FUNCTIONS.contains(upper(f.getName()))
          && f.getParameters() != null
          && f.getParameters().size() == 1) {
        item = unwrapped((Expression) f.getParameters().get(0));
      }
      return item instanceof Column col && bitColumnOfFrom(ps, col);
    }
    return false;
  }

  /** Whether a table of the FROM clause (and joins) of ps has a BIT column named as col. */
  private boolean bitColumnOfFrom(net.sf.jsqlparser.statement.select.PlainSelect ps, Column col) {
    List<net.sf.jsqlparser.statement.select.FromItem> items = new java.util.ArrayList<>();
    items.add(ps.getFromItem());
    if (ps.getJoins() != null) {
      ps.getJoins().forEach(j -> items.add(j.getFromItem()));
    }
    String name = Identifiers.normalize(col.getColumnName());
    for (net.sf.jsqlparser.statement.select.FromItem item : items) {
      if (item instanceof net.sf.jsqlparser.schema.Table t
          && ctx.catalog
              .table(Identifiers.normalize(t.getName()))
              .flatMap(ti -> ti.column(name))
              .map(ci -> TypeMapping.isBit(ci.mysqlType()))
              .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Refuses a BIT value where MySQL wants a string: it is its bytes there, not its number. */
  final void refuseBitAsString(Expression e) {
    if (isBitValued(e)) {
      throw RefusedException.syntax(
          "bit-as-text",
          "The BIT value "
              + e
              + " where MySQL wants a string (or JSON) is its bytes, not its number: not"
              + " translated (write "
              + e
              + " + 0, BIN() or HEX() of it).");
    }
  }

  /** Prints e as text (strings as they are, other values cast). */
  final void text(Expression e) {
    refuseBitAsString(e);
    String hex = Literals.hexDigits(e);
    if (hex != null) {
      Literals.hexAsText(this, hex);
      return;
    }
    if (Literals.isBinaryFunction(e) || Literals.isBinaryColumn(this, e)) {
      // MySQL reads a binary string's bytes as the characters they encode; PostgreSQL's text cast
      // of a bytea would be its escaped hex form ('\x41'). Bytes that are not UTF-8 fail.
      a("convert_from(");
      p(e);
      a(", 'UTF8')");
      return;
    }
    Optional<ColumnInfo> column = columnInfo(e);
    int fsp =
        column.isPresent()
            ? fractionalDigits(column.get().mysqlType())
            : DurationFunctions.timediffDigits(this, e);
    if (fsp > 0) {
      // MySQL prints DATETIME(n)/TIMESTAMP(n)/TIME(n) with exactly n fractional digits;
      // PostgreSQL's text drops trailing zeros (and the point)
      String base = column.map(c -> TypeMapping.baseType(c.mysqlType())).orElse("time");
      a("to_char(");
      p(e);
      a(base.equals("time") ? ", 'HH24:MI:SS.FF" : ", 'YYYY-MM-DD HH24:MI:SS.FF").a(fsp + "')");
      return;
    }
    if (e instanceof StringValue
        || StringFunctions.isTextValued(e)
        || (column.isPresent() && TypeMapping.isText(column.get().mysqlType()))) {
      p(e);
    } else {
      a("CAST(");
      value(e);
      a(" AS text)");
    }
  }

  /** n of a DATETIME(n)/TIMESTAMP(n)/TIME(n) type, else 0. */
  static int fractionalDigits(String mysqlType) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?i)\\s*(datetime|timestamp|time)\\s*\\(\\s*([1-6])\\s*\\).*")
            .matcher(mysqlType);
    return m.matches() ? Integer.parseInt(m.group(2)) : 0;
  }

  static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  final Optional<ColumnInfo> columnInfo(Expression e) {
    if (e instanceof Column c) {
      return ctx.column(c);
    }
    return Optional.empty();
  }

  /** True when any of the expressions is a case-insensitive text column. */
  final boolean anyCaseInsensitive(List<Expression> list) {
    for (Expression e : list) {
      if (isCaseInsensitiveText(e)) {
        return true;
      }
    }
    return false;
  }

  /** Text, lower-cased when the comparison follows a case-insensitive collation. */
  final void textFolded(Expression e, boolean fold) {
    if (fold) {
      a("lower(");
      text(e);
      a(")");
    } else {
      text(e);
    }
  }

  /**
   * Text folded for a search by character position under MySQL's {@code utf8mb4_0900_ai_ci}: case
   * and accents ({@link AccentFolding}), then lower-cased; as {@link #textFolded(Expression,
   * boolean)} without {@code accents}.
   */
  final void textFolded(Expression e, boolean fold, boolean accents) {
    if (!accents) {
      textFolded(e, fold);
      return;
    }
    a("lower(translate(");
    text(e);
    a(", '").a(AccentFolding.FROM).a("', '").a(AccentFolding.TO).a("'))");
  }

  /**
   * Whether MySQL searches these operands ignoring accents: a text column among them whose
   * collation is {@code utf8mb4_0900_ai_ci} on a MySQL server (the catalog says so; MariaDB's
   * columns never are). String literals take the connection's collation, which is not known here:
   * literals alone are not folded.
   */
  final boolean foldsAccents(List<Expression> operands) {
    for (Expression e : operands) {
      Optional<ColumnInfo> c = columnInfo(e);
      if (c.isPresent() && c.get().accentInsensitive() && TypeMapping.isText(c.get().mysqlType())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether MySQL compares these operands case-insensitively: a case-insensitive column among them,
   * or only string literals and parameters, which take the connection's collation (MySQL 8's
   * default utf8mb4_0900_ai_ci ignores case; an application that sets a binary or case-sensitive
   * connection collation is not followed).
   */
  final boolean foldsCase(List<Expression> operands) {
    return anyCaseInsensitive(operands) || stringLiteralsOnly(operands);
  }

  /** Only plain string literals and parameters, and at least one literal. */
  private boolean stringLiteralsOnly(List<Expression> operands) {
    boolean literal = false;
    for (Expression e : operands) {
      if (e instanceof StringValue s
          && (s.getPrefix() == null || s.getPrefix().isEmpty())
          && Literals.hexDigits(e) == null) {
        literal = true;
      } else if (!(e instanceof JdbcParameter)) {
        return false;
      }
    }
    return literal;
  }

  final boolean isCaseInsensitiveText(Expression e) {
    if (e instanceof TranscodingFunction t && t.isTranscodeStyle()) {
      String cs = Identifiers.normalize(t.getTranscodingName());
      if (cs.equals("latin1")) {
        throw RefusedException.function(
            "CONVERT",
            "CONVERT(... USING latin1) compared, sorted or grouped follows latin1_swedish_ci ('é' ="
                + " 'e', 'ü' = 'y'), which PostgreSQL does not reproduce.");
      }
      // ascii_general_ci: case-insensitive, as a _ci column
      return cs.equals("ascii");
    }
    if (e instanceof Column alias
        && (alias.getTable() == null || alias.getTable().getName() == null)
        && havingAliases.containsKey(Identifiers.normalize(alias.getColumnName()))) {
      // a select-list alias in HAVING has the collation of what it names
      return isCaseInsensitiveText(havingAliases.get(Identifiers.normalize(alias.getColumnName())));
    }
    if (e instanceof Function g
        && g.getParameters() != null
        && Set.of("GREATEST", "LEAST").contains(upper(g.getName()))) {
      // compared as binary when a _bin column or two collations are among the arguments
      @SuppressWarnings("unchecked")
      List<Expression> args = (List<Expression>) (List<?>) g.getParameters();
      return ControlFlowFunctions.comparesTextIgnoringCase(this, args);
    }
    List<Expression> collated =
        e instanceof Function f
                && f.getParameters() != null
                && COLLATION_KEEPING.contains(upper(f.getName()))
            ? new java.util.ArrayList<>(f.getParameters())
            : e instanceof TrimFunction ? StringFunctions.textArguments(e) : null;
    if (collated != null) {
      // MySQL's result of a string function has its arguments' collation: a case-insensitive
      // column's, unless a column of another collation is among them (MySQL refuses that mix of
      // text; a binary column's binary collation wins: CONCAT(name, bin_col) = 'x' is
      // case-sensitive, CONCAT(name, X'41') and CONCAT(name, UNHEX('41')) are not)
      boolean ci = false;
      for (Expression a : collated) {
        if (StringFunctions.holdsBinaryColumn(this, a)) {
          return false;
        }
        if (isCaseInsensitiveText(a)) {
          ci = true;
        } else if (columnInfo(a)
            .filter(i -> TypeMapping.isText(i.mysqlType()) && !i.caseInsensitive())
            .isPresent()) {
          return false;
        }
      }
      return ci;
    }
    Expression scalar = scalarSubqueryItem(e);
    if (scalar != null) {
      // (SELECT name FROM ...): MySQL's value keeps the selected expression's collation
      return isCaseInsensitiveText(scalar);
    }
    Optional<ColumnInfo> c = columnInfo(e);
    return c.isPresent() && c.get().caseInsensitive() && TypeMapping.isText(c.get().mysqlType());
  }

  /**
   * Whether e is case-insensitive text ({@link #isCaseInsensitiveText}) of MySQL's {@code
   * utf8mb4_0900_ai_ci}, which also ignores accents: such a column, or a string function, alias or
   * scalar subquery of one.
   */
  final boolean isAccentInsensitiveText(Expression e) {
    return isCaseInsensitiveText(e) && foldsAccentsOf(e);
  }

  private boolean foldsAccentsOf(Expression e) {
    if (e instanceof Column alias
        && (alias.getTable() == null || alias.getTable().getName() == null)
        && havingAliases.containsKey(Identifiers.normalize(alias.getColumnName()))) {
      return foldsAccentsOf(havingAliases.get(Identifiers.normalize(alias.getColumnName())));
    }
    List<Expression> collated =
        e instanceof Function f
                && f.getParameters() != null
                && COLLATION_KEEPING.contains(upper(f.getName()))
            ? new java.util.ArrayList<>(f.getParameters())
            : e instanceof TrimFunction ? StringFunctions.textArguments(e) : null;
    if (collated != null) {
      return collated.stream().anyMatch(this::foldsAccentsOf);
    }
    Expression scalar = scalarSubqueryItem(e);
    if (scalar != null) {
      return foldsAccentsOf(scalar);
    }
    return foldsAccents(List.of(e));
  }

  /**
   * The one select-list expression of a scalar subquery over plain tables ({@code (SELECT name FROM
   * users u WHERE ...)}), its tables put in scope so that its columns can be typed; else null.
   */
  private Expression scalarSubqueryItem(Expression e) {
    if (!(e instanceof ParenthesedSelect ps)
        || !(ps.getSelect() instanceof net.sf.jsqlparser.statement.select.PlainSelect p)
        || p.getSelectItems() == null
        || p.getSelectItems().size() != 1
        || p.getSelectItems().get(0).getExpression() instanceof AllColumns) {
      return null;
    }
    java.util.List<net.sf.jsqlparser.statement.select.FromItem> from = new java.util.ArrayList<>();
    from.add(p.getFromItem());
    if (p.getJoins() != null) {
      p.getJoins().forEach(j -> from.add(j.getFromItem()));
    }
    for (var item : from) {
      if (!(item instanceof net.sf.jsqlparser.schema.Table t) || t.getName() == null) {
        return null;
      }
      ctx.addTableToScope(t);
    }
    return p.getSelectItems().get(0).getExpression();
  }

  /**
   * String functions whose result has the collation of their string arguments, so that a
   * comparison, ordering or grouping of it follows a case-insensitive column's collation.
   */
  private static final Set<String> COLLATION_KEEPING =
      java.util.stream.Stream.concat(
              StringFunctions.TEXT_OF_ARGUMENTS.stream(),
              java.util.stream.Stream.of("IFNULL", "COALESCE", "GREATEST", "LEAST", "ANY_VALUE"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  final void args(List<? extends Expression> list, boolean asValues) {
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        a(", ");
      }
      if (asValues) {
        value(list.get(i));
      } else {
        p(list.get(i));
      }
    }
  }

  /**
   * A bit operator. MySQL evaluates it on binary strings when an operand is a binary string other
   * than a hex literal; that is refused. Otherwise it is integer arithmetic (hex literals are
   * numbers there).
   */
  final void binary(BinaryExpression b, String op) {
    Expression l = b.getLeftExpression();
    Expression r = b.getRightExpression();
    if (Literals.isBinaryColumn(this, l) || Literals.isBinaryColumn(this, r)) {
      throw RefusedException.syntax(
          "binary-string-bit-operation",
          "The bit operation " + b + " works on binary strings in MySQL.");
    }
    if ((isInversion(l) || isInversion(r)) && !op.contains("<") && !op.contains(">")) {
      // ~x is an unsigned 64-bit number (numeric here): & | # on the two's complement bits, each
      // operand a bigint, read back as MySQL's BIGINT UNSIGNED (not a shift: PostgreSQL's >>
      // copies the sign bit, MySQL's shifts zeros in)
      template(
          "(CAST({#0} AS numeric) + CASE WHEN {#0} < 0 THEN 18446744073709551616 ELSE 0 END)",
          () -> {
            a("(");
            bits(l);
            a(op);
            bits(r);
            a(")");
          });
      return;
    }
    Literals.number(this, l);
    a(op);
    Literals.number(this, r);
  }

  private static boolean isInversion(Expression e) {
    return unwrapped(e) instanceof SignedExpression s && s.getSign() == '~';
  }

  /** e without the parentheses around it: {@code ((x))} is x. */
  static Expression unwrapped(Expression e) {
    Expression x = e;
    while (x instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      x = (Expression) list.get(0);
    }
    return x;
  }

  /** An integer operand's 64 bits as a bigint: ~x as PostgreSQL's ~ of x. */
  private void bits(Expression operand) {
    Expression e = unwrapped(operand);
    if (e instanceof LongValue n
        && n.getBigIntegerValue().signum() >= 0
        && n.getBigIntegerValue().bitLength() <= 64) {
      // an unsigned literal up to 2^64 - 1: its 64 bits as a bigint (two's complement)
      a("CAST(").a(String.valueOf(n.getBigIntegerValue().longValue())).a(" AS bigint)");
      return;
    }
    if (isInversion(e)) {
      Expression x = unwrapped(((SignedExpression) unwrapped(e)).getExpression());
      if (Literals.hexDigits(x) == null
          && (!EncodingFunctions.isInteger(this, x)
              || EncodingFunctions.isUnsignedBigint(this, x))) {
        throw RefusedException.syntax(
            "bit-inversion",
            "~ in a bit operation is translated for an integer literal or an integer column (not"
                + " BIGINT UNSIGNED).");
      }
      a("(~CAST(");
      Literals.number(this, x);
      a(" AS bigint))");
      return;
    }
    if (EncodingFunctions.isUnsignedBigint(this, e)) {
      throw RefusedException.syntax(
          "bit-inversion", "A BIGINT UNSIGNED beside ~x in a bit operation is not translated.");
    }
    a("CAST(");
    Literals.number(this, e);
    a(" AS bigint)");
  }

  // ---------------------------------------------------------------- literals, names, parameters

  @Override
  public <S> StringBuilder visit(StringValue s, S context) {
    Literals.string(this, s);
    return out();
  }

  @Override
  public <S> StringBuilder visit(HexValue hex, S context) {
    Literals.hex(this, hex);
    return out();
  }

  @Override
  public <S> StringBuilder visit(LongValue v, S context) {
    a(v.getStringValue());
    return out();
  }

  @Override
  public <S> StringBuilder visit(DoubleValue v, S context) {
    Literals.doubleValue(this, v);
    return out();
  }

  @Override
  public <S> StringBuilder visit(NullValue v, S context) {
    a("NULL");
    return out();
  }

  @Override
  public <S> StringBuilder visit(BooleanValue v, S context) {
    a(v.getValue() ? "1" : "0"); // TRUE/FALSE are 1/0 in MySQL
    return out();
  }

  @Override
  public <S> StringBuilder visit(JdbcParameter parameter, S context) {
    if (parameter.isUseFixedIndex() || !"?".equals(parameter.getParameterCharacter())) {
      throw RefusedException.syntax("parameter", "Only plain ? parameters are supported.");
    }
    a("?");
    ctx.bindings.add(new Binding.AppParameter(parameter.getIndex() - 1));
    ParameterTargets.record(ctx, parameter.getIndex() - 1);
    return out();
  }

  /** MySQL's aggregate functions. */
  static final Set<String> AGGREGATES =
      Set.of(
          "COUNT",
          "SUM",
          "AVG",
          "MIN",
          "MAX",
          "BIT_AND",
          "BIT_OR",
          "BIT_XOR",
          "STD",
          "STDDEV",
          "STDDEV_POP",
          "STDDEV_SAMP",
          "VARIANCE",
          "VAR_POP",
          "VAR_SAMP",
          "JSON_ARRAYAGG",
          "JSON_OBJECTAGG",
          "GROUP_CONCAT");

  /**
   * Case-insensitive columns the current query groups by, as {@code lower(col)}: outside an
   * aggregate, a reference to one prints {@code min(col)} (MySQL returns one value of the group).
   * Empty outside a grouped query's select list, HAVING and ORDER BY.
   */
  List<Column> foldedGroupColumns = List.of();

  /**
   * The grouped query is {@code WITH ROLLUP}: a folded column is NULL in the super-aggregate rows
   * that roll it up, as MySQL shows it there.
   */
  boolean foldedRollup;

  /**
   * The query being printed groups or aggregates ({@link AggregateFunctions#aggregates}): ANY_VALUE
   * in it is a value of the group.
   */
  boolean aggregatingQuery;

  /**
   * The order MySQL reads the rows of the query being printed in, when it is one table's scan: its
   * primary key, printed for PostgreSQL (qualified as the FROM names the table); null for a join, a
   * derived table, a table without a known primary key or with a text one (see {@link
   * PgSelectDeParser#readOrderKey}).
   */
  List<String> readOrderKey;

  /** How many aggregate calls enclose the expression being printed. */
  int aggregateDepth;

  /** Whether {@code c} names one of {@link #foldedGroupColumns}. */
  /**
   * Runs {@code print} with case-insensitive GROUP BY columns printed as the columns themselves.
   */
  final void unfolded(Runnable print) {
    List<Column> saved = foldedGroupColumns;
    foldedGroupColumns = List.of();
    try {
      print.run();
    } finally {
      foldedGroupColumns = saved;
    }
  }

  final boolean isFoldedGroupColumn(Column c) {
    for (Column g : foldedGroupColumns) {
      if (!Identifiers.normalize(g.getColumnName())
          .equals(Identifiers.normalize(c.getColumnName()))) {
        continue;
      }
      String gt = g.getTable() == null ? null : g.getTable().getName();
      String ct = c.getTable() == null ? null : c.getTable().getName();
      if (gt == null || ct == null || Identifiers.normalize(gt).equals(Identifiers.normalize(ct))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public <S> StringBuilder visit(Column column, S context) {
    ColumnReferences.column(this, column);
    return out();
  }

  @Override
  public <S> StringBuilder visit(AllColumns allColumns, S context) {
    if (allColumns.getExceptColumns() != null || allColumns.getReplaceExpressions() != null) {
      throw refuseNode(allColumns, "* EXCEPT/REPLACE");
    }
    a("*");
    return out();
  }

  @Override
  public <S> StringBuilder visit(AllTableColumns allTableColumns, S context) {
    a(Identifiers.pg(allTableColumns.getTable().getName())).a(".*");
    return out();
  }

  // ---------------------------------------------------------------- logic and comparison

  @Override
  public <S> StringBuilder visit(AndExpression and, S context) {
    cond(and.getLeftExpression());
    a(" AND ");
    cond(and.getRightExpression());
    return out();
  }

  @Override
  public <S> StringBuilder visit(OrExpression or, S context) {
    cond(or.getLeftExpression());
    a(" OR ");
    cond(or.getRightExpression());
    return out();
  }

  @Override
  public <S> StringBuilder visit(Concat concat, S context) {
    // default sql_mode: || is logical OR (PIPES_AS_CONCAT is off)
    a("(");
    cond(concat.getLeftExpression());
    a(" OR ");
    cond(concat.getRightExpression());
    a(")");
    return out();
  }

  @Override
  public <S> StringBuilder visit(XorExpression xor, S context) {
    a("((");
    cond(xor.getLeftExpression());
    a(") <> (");
    cond(xor.getRightExpression());
    a("))");
    return out();
  }

  @Override
  public <S> StringBuilder visit(NotExpression not, S context) {
    a("NOT (");
    cond(not.getExpression());
    a(")");
    return out();
  }

  @Override
  public <S> StringBuilder visit(EqualsTo e, S context) {
    ComparisonOperators.comparison(this, e, " = ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(NotEqualsTo e, S context) {
    ComparisonOperators.comparison(this, e, " <> ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(GreaterThan e, S context) {
    ComparisonOperators.comparison(this, e, " > ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(GreaterThanEquals e, S context) {
    ComparisonOperators.comparison(this, e, " >= ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(MinorThan e, S context) {
    ComparisonOperators.comparison(this, e, " < ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(MinorThanEquals e, S context) {
    ComparisonOperators.comparison(this, e, " <= ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(CosineSimilarity e, S context) {
    // MySQL <=> (NULL-safe equality)
    ComparisonOperators.nullSafeEquals(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(IsDistinctExpression e, S context) {
    value(e.getLeftExpression());
    a(e.isNot() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
    value(e.getRightExpression());
    return out();
  }

  @Override
  public <S> StringBuilder visit(IsNullExpression e, S context) {
    if (e.isUseIsNull() || e.isUseNotNull()) {
      throw refuseNode(e, "ISNULL/NOTNULL operator");
    }
    value(e.getLeftExpression());
    a(e.isNot() ? " IS NOT NULL" : " IS NULL");
    return out();
  }

  @Override
  public <S> StringBuilder visit(IsBooleanExpression e, S context) {
    a("(");
    cond(e.getLeftExpression());
    a(")");
    a(e.isNot() ? " IS NOT " : " IS ");
    a(e.isTrue() ? "TRUE" : "FALSE");
    return out();
  }

  @Override
  public <S> StringBuilder visit(Between b, S context) {
    ComparisonOperators.between(this, b);
    return out();
  }

  @Override
  public <S> StringBuilder visit(InExpression in, S context) {
    ComparisonOperators.in(this, in);
    return out();
  }

  @Override
  public <S> StringBuilder visit(LikeExpression like, S context) {
    ComparisonOperators.like(this, like);
    return out();
  }

  @Override
  public <S> StringBuilder visit(ExistsExpression e, S context) {
    a(e.isNot() ? "NOT EXISTS " : "EXISTS ");
    p(e.getRightExpression());
    return out();
  }

  @Override
  public <S> StringBuilder visit(AnyComparisonExpression any, S context) {
    a(any.getAnyType().name()).a(" ");
    p(any.getSelect());
    return out();
  }

  // ---------------------------------------------------------------- arithmetic

  @Override
  public <S> StringBuilder visit(Addition e, S context) {
    ArithmeticOperators.addition(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(Subtraction e, S context) {
    ArithmeticOperators.subtraction(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(Multiplication e, S context) {
    StringNumbers.operand(this, e.getLeftExpression());
    a(" * ");
    StringNumbers.operand(this, e.getRightExpression());
    return out();
  }

  @Override
  public <S> StringBuilder visit(Division e, S context) {
    ArithmeticOperators.division(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(IntegerDivision e, S context) {
    ArithmeticOperators.integerDivision(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(Modulo e, S context) {
    ArithmeticOperators.modulo(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(SignedExpression e, S context) {
    if (e.getSign() == '~') {
      CodeFunctions.bitInversion(this, e);
      return out();
    }
    a(String.valueOf(e.getSign()));
    StringNumbers.operand(this, e.getExpression());
    return out();
  }

  @Override
  public <S> StringBuilder visit(BitwiseAnd e, S context) {
    binary(e, " & ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(BitwiseOr e, S context) {
    binary(e, " | ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(BitwiseXor e, S context) {
    // MySQL's ^ binds tighter than * and +; PostgreSQL's # looser: keep the parse tree's grouping
    a("(");
    binary(e, " # ");
    a(")");
    return out();
  }

  @Override
  public <S> StringBuilder visit(BitwiseLeftShift e, S context) {
    binary(e, " << ");
    return out();
  }

  @Override
  public <S> StringBuilder visit(BitwiseRightShift e, S context) {
    binary(e, " >> ");
    return out();
  }

  // ---------------------------------------------------------------- intervals and dates

  /** A date/time operand: string literals are typed by their shape as MySQL would read them. */
  final void dateOperand(Expression e) {
    if (e instanceof StringValue s) {
      String v = MysqlLexer.decodeCanonical(s.getValue());
      a(v.length() <= 10 ? "DATE " : "TIMESTAMP ");
      p(e);
    } else if (e instanceof JdbcParameter) {
      a("CAST(");
      p(e);
      a(" AS timestamp)");
    } else {
      p(e);
    }
  }

  final boolean isDateValued(Expression e) {
    if (e instanceof StringValue s) {
      return MysqlLexer.decodeCanonical(s.getValue()).length() <= 10;
    }
    if (e instanceof net.sf.jsqlparser.expression.CastExpression c
        && c.getColDataType() != null
        && c.getColDataType().getDataType().equalsIgnoreCase("DATE")) {
      return true;
    }
    if (e instanceof Function f) {
      String n = upper(f.getName());
      if (ctx.pinCalls && ctx.callIndex.containsKey(e)) {
        return n.equals("CURDATE") || n.equals("CURRENT_DATE") || n.equals("UTC_DATE");
      }
      return Set.of("CURDATE", "CURRENT_DATE", "UTC_DATE", "DATE", "LAST_DAY", "MAKEDATE")
          .contains(n);
    }
    if (e instanceof TimeKeyExpression t) {
      return upper(t.getStringValue()).startsWith("CURRENT_DATE");
    }
    Optional<ColumnInfo> c = columnInfo(e);
    return c.isPresent() && TypeMapping.baseType(c.get().mysqlType()).equals("date");
  }

  @Override
  public <S> StringBuilder visit(TimeKeyExpression t, S context) {
    String k = upper(t.getStringValue()).replace("()", "").trim();
    NonDeterministicFunctions.timeKey(this, t, k, 0);
    return out();
  }

  @Override
  public <S> StringBuilder visit(DateTimeLiteralExpression e, S context) {
    DateTimeFunctions.dateTimeLiteral(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(ExtractExpression e, S context) {
    DateTimeFunctions.extract(this, e);
    return out();
  }

  // ---------------------------------------------------------------- CASE, CAST, functions

  @Override
  public <S> StringBuilder visit(CaseExpression c, S context) {
    ControlFlowFunctions.caseExpression(this, c);
    return out();
  }

  @Override
  public <S> StringBuilder visit(CastExpression c, S context) {
    CastFunctions.castExpression(this, c);
    return out();
  }

  @Override
  public <S> StringBuilder visit(TranscodingFunction t, S context) {
    CastFunctions.convert(this, t);
    return out();
  }

  @Override
  public <S> StringBuilder visit(Function f, S context) {
    boolean aggregate = f.getName() != null && AGGREGATES.contains(upper(f.getName()));
    aggregateDepth += aggregate ? 1 : 0;
    try {
      Functions.translate(this, f);
    } finally {
      aggregateDepth -= aggregate ? 1 : 0;
    }
    return out();
  }

  @Override
  public <S> StringBuilder visit(MySQLGroupConcat g, S context) {
    aggregateDepth++;
    try {
      AggregateFunctions.groupConcat(this, g);
    } finally {
      aggregateDepth--;
    }
    return out();
  }

  @Override
  public <S> StringBuilder visit(TrimFunction t, S context) {
    StringFunctions.trimFrom(this, t);
    return out();
  }

  @Override
  public <S> StringBuilder visit(JsonExpression j, S context) {
    JsonFunctions.arrowOperator(this, j);
    return out();
  }

  @Override
  public <S> StringBuilder visit(AnalyticExpression e, S context) {
    WindowFunctions.analytic(this, e);
    return out();
  }

  @Override
  public <S> StringBuilder visit(ParenthesedSelect select, S context) {
    refuseSubqueryAfterAssignments();
    subquery(select);
    return out();
  }

  @Override
  public <S> StringBuilder visit(Select select, S context) {
    refuseSubqueryAfterAssignments();
    subquery(select);
    return out();
  }

  /**
   * A subquery's bare names belong to its own tables first: they are not qualified with the upsert
   * target (a correlated bare name is then ambiguous on PostgreSQL, an error, not a wrong value).
   */
  private void subquery(Select select) {
    ctx.subqueryDepth++;
    try {
      select.accept(getSelectVisitor(), null);
    } finally {
      ctx.subqueryDepth--;
    }
  }

  /** A subquery's names may mean other tables' columns: the new-value substitution cannot tell. */
  private void refuseSubqueryAfterAssignments() {
    if (!ctx.assigned.isEmpty()) {
      throw RefusedException.syntax(
          "update-order",
          "A subquery in the SET list after other assignments may read their new values in MySQL;"
              + " this is not translated.");
    }
  }

  @Override
  public <S> StringBuilder visit(ExpressionList<? extends Expression> list, S context) {
    if (list instanceof ParenthesedExpressionList && list.size() == 1) {
      // (expr): the parentheses keep expr's kind; the parent decides value or condition
      a("(");
      p(list.get(0));
      a(")");
      return out();
    }
    if (list instanceof ParenthesedExpressionList) {
      a("(");
      args(list, true);
      a(")");
    } else {
      args(list, true);
    }
    return out();
  }

  @Override
  public <S> StringBuilder visit(RowConstructor<?> row, S context) {
    if (row.getName() != null) {
      throw refuseNode(row, "named row constructor");
    }
    a("(");
    args(row, true);
    a(")");
    return out();
  }

  @Override
  public <S> StringBuilder visit(UserVariable v, S context) {
    if (!ctx.inWrite) {
      SessionFunctions.mysqlSession(this, v.toString());
    }
    throw RefusedException.syntax(
        "user-variable", "The user variable " + v + " exists only in the MySQL session.");
  }

  /** Select-list aliases substituted while printing a HAVING clause (name -> expression). */
  java.util.Map<String, Expression> havingAliases = java.util.Map.of();

  /**
   * The select list's aliases while a plain SELECT's ORDER BY is printed: MySQL resolves a name
   * there to a select-list alias first, so an alias of case-insensitive text sorts as that text
   * does ({@link OrderByPrinter#orderKey}).
   */
  java.util.Map<String, Expression> orderAliases = java.util.Map.of();

  /**
   * The select-list expressions an ORDER BY position names, in order, while a SELECT without
   * DISTINCT and without {@code *} prints its ORDER BY; empty otherwise.
   */
  List<Expression> orderPositions = List.of();

  /** Print qualified columns by their name only (ORDER BY over a wrapping derived table). */
  boolean unqualifiedColumns;

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.JsonFunction node, S context) {
    JsonFunctions.json(this, node);
    return out();
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.JsonAggregateFunction node, S context) {
    JsonFunctions.aggregate(this, node);
    return out();
  }
}
