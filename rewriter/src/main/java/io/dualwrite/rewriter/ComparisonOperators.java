package io.dualwrite.rewriter;

import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.*;

/**
 * MySQL comparison operators (=, <>, <, BETWEEN, IN, LIKE, ...) printed for PostgreSQL: text
 * compared under MySQL's case-insensitive collations, JSON values as JSON, hex literals as strings.
 */
final class ComparisonOperators {

  private ComparisonOperators() {}

  static void comparison(PgExpressionDeParser d, ComparisonOperator c, String op) {
    Expression l = c.getLeftExpression();
    Expression r = c.getRightExpression();
    Expression column = l instanceof JdbcParameter ? r : l;
    ParameterTargets.with(
        d.ctx, d.columnInfo(column), column == l ? r : l, false, () -> printComparison(d, c, op));
  }

  private static void printComparison(PgExpressionDeParser d, ComparisonOperator c, String op) {
    Expression l = c.getLeftExpression();
    Expression r = c.getRightExpression();
    if (c.getOldOracleJoinSyntax() != 0) {
      throw PgExpressionDeParser.refuseNode(c, "(+) join");
    }
    if (Collations.comparison(d, l, r, op)) {
      return; // x COLLATE utf8mb4_bin: by code point, the explicit collation over a column's
    }
    if (r instanceof AnyComparisonExpression any && d.isCaseInsensitiveText(l)) {
      // x op ANY/ALL (SELECT ...) over case-insensitive text: as x IN (SELECT ...), both folded
      boolean accents = Collations.accentInsensitive(d, l);
      Collations.folded(d, l, accents);
      d.a(op).a(any.getAnyType().name()).a(" (SELECT ");
      Collations.folded(
          d,
          new net.sf.jsqlparser.schema.Column(new net.sf.jsqlparser.schema.Table("dw_in"), "v"),
          accents);
      d.a(" FROM ");
      boolean bare =
          !(any.getSelect() instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect);
      d.a(bare ? "(" : "");
      d.p(any.getSelect());
      d.a(bare ? ")" : "").a(" AS dw_in(v))");
      return;
    }
    if (l instanceof AnyComparisonExpression || r instanceof AnyComparisonExpression) {
      d.value(l);
      d.a(op);
      d.value(r);
      return;
    }
    if (JsonFunctions.isJsonValued(d, l) != JsonFunctions.isJsonValued(d, r)) {
      boolean jsonLeft = JsonFunctions.isJsonValued(d, l);
      Expression other = jsonLeft ? r : l;
      if (op.equals(" = ") || op.equals(" <> ")) {
        if (JsonFunctions.isBooleanLiteral(other)) {
          // MySQL makes TRUE/FALSE a JSON boolean here: true = TRUE, but 1 <> TRUE
          d.value(jsonLeft ? l : r);
          d.a(op);
          JsonFunctions.jsonBoolean(d, other);
          return;
        }
        if (JsonFunctions.isJsonComparable(other)) {
          JsonFunctions.jsonOperand(d, l);
          d.a(op);
          JsonFunctions.jsonOperand(d, r);
          return;
        }
      } else {
        JsonFunctions.orderedAgainstScalar(d, c, jsonLeft ? l : r, other, op, jsonLeft);
        return;
      }
    }
    String lh = Literals.hexDigits(l);
    String rh = Literals.hexDigits(r);
    if ((lh == null) != (rh == null)
        && (isBitColumn(d, lh != null ? r : l) || isBitOperation(lh != null ? r : l))) {
      // a BIT column against X'08' or b'1000': MySQL compares their numbers (w = X'08' holds for
      // w = 8 in a BIT(12), whose bytes are 0x0008)
      Literals.number(d, l);
      d.a(op);
      Literals.number(d, r);
      return;
    }
    if ((lh == null) != (rh == null)) {
      Literals.hexComparison(d, lh != null ? r : l, c);
      if (Literals.isBinaryColumn(d, lh != null ? r : l)) {
        d.value(l); // binary string against binary string: bytea on both sides
        d.a(op);
        d.value(r);
      } else {
        // the literal is a string here; a column's collation outranks the literal's binary one
        // (MySQL collation coercibility), so a _ci column still compares case-insensitively,
        // while against a string literal the binary collation wins
        boolean fold = d.isCaseInsensitiveText(lh != null ? r : l);
        if (fold) {
          d.textFolded(l, true);
          d.a(op);
          d.textFolded(r, true);
        } else {
          // a binary comparison orders by bytes: UTF-8 code point order
          Collations.codePoint(d, () -> d.text(l));
          d.a(op);
          Collations.codePoint(d, () -> d.text(r));
        }
      }
      return;
    }
    if (StringNumbers.comparison(d, l, r, op)) {
      return; // a string compared with a number: MySQL compares their numbers
    }
    if ((d.isCaseInsensitiveText(l) && CastFunctions.isBinaryCast(r))
        || (d.isCaseInsensitiveText(r) && CastFunctions.isBinaryCast(l))) {
      // text against BINARY 'x' or CAST(... AS BINARY): MySQL compares their bytes, case and
      // accents significant
      bytes(d, l);
      d.a(op);
      bytes(d, r);
      return;
    }
    if ((d.isCaseInsensitiveText(l) && caseSensitiveTextColumn(d, r))
        || (d.isCaseInsensitiveText(r) && caseSensitiveTextColumn(d, l))) {
      // a _ci column against a _bin/_cs one: MySQL compares under the case-sensitive collation
      // (a binary collation wins between columns of one character set), by code point
      Collations.codePoint(d, () -> d.text(l));
      d.a(op);
      Collations.codePoint(d, () -> d.text(r));
      return;
    }
    if (d.isCaseInsensitiveText(l)
        || d.isCaseInsensitiveText(r)
        || (l instanceof StringValue && r instanceof StringValue && d.foldsCase(List.of(l, r)))) {
      boolean accents =
          Collations.accentInsensitive(d, l)
              || Collations.accentInsensitive(d, r)
              || (l instanceof StringValue
                  && r instanceof StringValue
                  && Collations.connectionIgnoresAccents(d));
      Collations.folded(d, l, accents);
      d.a(op);
      Collations.folded(d, r, accents);
      return;
    }
    operand(d, l, r);
    d.a(op);
    operand(d, r, l);
  }

  /** e's bytes: a binary cast as it prints, text as its UTF-8 bytes. */
  private static void bytes(PgExpressionDeParser d, Expression e) {
    if (CastFunctions.isBinaryCast(e)) {
      d.value(e);
    } else {
      CastFunctions.binary(d, e);
    }
  }

  /** A text column of a case-sensitive collation ({@code _bin}, {@code _cs}). */
  private static boolean caseSensitiveTextColumn(PgExpressionDeParser d, Expression e) {
    return d.columnInfo(e)
        .filter(c -> TypeMapping.isText(c.mysqlType()) && !c.caseInsensitive())
        .isPresent();
  }

  /** A compared value: an integer literal against a date as MySQL reads it, else as a value. */
  private static void operand(PgExpressionDeParser d, Expression e, Expression other) {
    if (!TemporalNumbers.printAsDateLiteral(d, e, other)) {
      d.value(e);
    }
  }

  static void wrapLower(PgExpressionDeParser d, Expression e, boolean lower) {
    wrapLower(d, e, lower, false, e);
  }

  /**
   * As {@link #wrapLower(PgExpressionDeParser, Expression, boolean)}, e compared with other: folded
   * under {@link Collations#AI_CI} when {@code accents}.
   */
  private static void wrapLower(
      PgExpressionDeParser d, Expression e, boolean lower, boolean accents, Expression other) {
    if (lower) {
      Collations.folded(d, e, accents);
    } else {
      operand(d, e, other);
    }
  }

  static void between(PgExpressionDeParser d, Between b) {
    if (StringNumbers.between(d, b)) {
      return;
    }
    Expression x = b.getLeftExpression();
    if (!isBitColumn(d, x)
        && (Literals.hexDigits(b.getBetweenExpressionStart()) != null
            || Literals.hexDigits(b.getBetweenExpressionEnd()) != null)) {
      throw RefusedException.syntax(
          "literal:hex",
          "In "
              + b
              + " a hex literal bounds a value that is not a BIT column; MySQL may compare it as"
              + " a number or as a binary string.");
    }
    if (isBitColumn(d, x)) {
      d.value(x);
      d.a(b.isNot() ? " NOT BETWEEN " : " BETWEEN ");
      besideBit(d, b.getBetweenExpressionStart(), x);
      d.a(" AND ");
      besideBit(d, b.getBetweenExpressionEnd(), x);
      return;
    }
    boolean ci = d.isCaseInsensitiveText(x);
    boolean accents = ci && Collations.accentInsensitive(d, x);
    wrapLower(d, x, ci, accents, x);
    d.a(b.isNot() ? " NOT BETWEEN " : " BETWEEN ");
    wrapLower(d, b.getBetweenExpressionStart(), ci, accents, x);
    d.a(" AND ");
    wrapLower(d, b.getBetweenExpressionEnd(), ci, accents, x);
  }

  /**
   * A bit operation ({@code &}, {@code |}, {@code ^}, shifts): a BIGINT UNSIGNED, which MySQL 9.7.4
   * compares with a hex or bit-value literal as numbers ({@code (7 & 3) = b'11'} holds).
   */
  static boolean isBitOperation(Expression e) {
    Expression x = PgExpressionDeParser.unwrapped(e);
    return x instanceof BitwiseAnd
        || x instanceof BitwiseOr
        || x instanceof BitwiseXor
        || x instanceof BitwiseLeftShift
        || x instanceof BitwiseRightShift;
  }

  /** A BIT(n) column, whose number MySQL compares with a hex or bit-value literal's. */
  static boolean isBitColumn(PgExpressionDeParser d, Expression e) {
    return d.columnInfo(e).map(c -> TypeMapping.isBit(c.mysqlType())).orElse(false);
  }

  /**
   * Prints e, compared with {@code other}: a hex or bit-value literal beside a BIT column as its
   * number (MySQL compares their numbers), anything else as a value.
   */
  static void besideBit(PgExpressionDeParser d, Expression e, Expression other) {
    if (Literals.hexDigits(e) != null && isBitColumn(d, other)) {
      Literals.number(d, e);
    } else {
      d.value(e);
    }
  }

  /**
   * {@code a <=> b}: NULL-safe equality. A hex literal beside a BIT column is its number; beside a
   * binary column both are bytes; beside anything else MySQL may compare as numbers or as binary
   * strings: refused.
   */
  static void nullSafeEquals(PgExpressionDeParser d, BinaryExpression e) {
    Expression l = e.getLeftExpression();
    Expression r = e.getRightExpression();
    boolean lh = Literals.hexDigits(l) != null;
    boolean rh = Literals.hexDigits(r) != null;
    if (lh != rh && !isBitColumn(d, lh ? r : l) && !Literals.isBinaryColumn(d, lh ? r : l)) {
      throw RefusedException.syntax(
          "literal:hex",
          "In "
              + e
              + " the hex literal is compared with a value that is not a BIT or binary column;"
              + " MySQL may compare it as a number or as a binary string.");
    }
    besideBit(d, l, r);
    d.a(" IS NOT DISTINCT FROM ");
    besideBit(d, r, l);
  }

  static void in(PgExpressionDeParser d, InExpression in) {
    if (in.isGlobal() || in.getOldOracleJoinSyntax() != 0) {
      throw PgExpressionDeParser.refuseNode(in, "IN variant");
    }
    Expression left = in.getLeftExpression();
    Expression right = in.getRightExpression();
    if (right instanceof AndExpression
        || right instanceof OrExpression
        || right instanceof XorExpression) {
      // JSqlParser reads "x IN (1, 2) AND y" inside INSERT ... SELECT as x IN ((1, 2) AND y);
      // IN binds tighter than AND/OR/XOR, so the list is the chain's leftmost operand
      BinaryExpression parent = (BinaryExpression) right;
      while (parent.getLeftExpression() instanceof AndExpression
          || parent.getLeftExpression() instanceof OrExpression
          || parent.getLeftExpression() instanceof XorExpression) {
        parent = (BinaryExpression) parent.getLeftExpression();
      }
      Expression list = parent.getLeftExpression();
      InExpression fixed = new InExpression(left, list);
      fixed.setNot(in.isNot());
      parent.setLeftExpression(fixed);
      try {
        d.p(right);
      } finally {
        parent.setLeftExpression(list); // the tree is printed again for other purposes
      }
      return;
    }
    if (right instanceof ExpressionList<?> items
        && !items.isEmpty()
        && StringNumbers.in(d, left, items, in.isNot())) {
      return;
    }
    if (right instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect sub
        && d.isCaseInsensitiveText(left)) {
      // x IN (SELECT ...) over case-insensitive text: MySQL compares under x's collation, so
      // both sides are folded, the subquery's one column through a derived table
      boolean accents = Collations.accentInsensitive(d, left);
      Collations.folded(d, left, accents);
      d.a(in.isNot() ? " NOT IN (SELECT " : " IN (SELECT ");
      Collations.folded(
          d,
          new net.sf.jsqlparser.schema.Column(new net.sf.jsqlparser.schema.Table("dw_in"), "v"),
          accents);
      d.a(" FROM ");
      d.p(sub);
      d.a(" AS dw_in(v))");
      return;
    }
    boolean ci = d.isCaseInsensitiveText(left) && right instanceof ExpressionList<?>;
    boolean accents = ci && Collations.accentInsensitive(d, left);
    wrapLower(d, left, ci, accents, left);
    d.a(in.isNot() ? " NOT IN " : " IN ");
    if (right instanceof ExpressionList<?> list) {
      d.a("(");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          d.a(", ");
        }
        Expression item = (Expression) list.get(i);
        if (isBitColumn(d, left) && Literals.hexDigits(item) != null) {
          Literals.number(d, item); // as in bit = X'08': the literal's number
          continue;
        }
        ParameterTargets.with(
            d.ctx, d.columnInfo(left), item, false, () -> wrapLower(d, item, ci, accents, left));
      }
      d.a(")");
    } else {
      d.p(right);
    }
  }

  static void like(PgExpressionDeParser d, LikeExpression like) {
    LikeExpression.KeyWord kw = like.getLikeKeyWord();
    Expression l = like.getLeftExpression();
    Expression r = like.getRightExpression();
    switch (kw) {
      case LIKE -> {
        if (like.isUseBinary()) {
          // byte by byte, case-sensitive: as PostgreSQL's LIKE on the characters while the
          // pattern has no _ (one byte in MySQL, one character in PostgreSQL)
          if (!(r instanceof StringValue p)
              || (p.getPrefix() != null && !p.getPrefix().isEmpty())
              || MysqlLexer.decodeCanonical(p.getValue()).contains("_")) {
            throw RefusedException.syntax(
                "like-binary",
                "LIKE BINARY is translated with a literal pattern without _: MySQL's _ matches"
                    + " one byte, PostgreSQL's one character.");
          }
          d.text(l);
          d.a(like.isNot() ? " NOT LIKE " : " LIKE ");
          d.text(r);
        } else if (Collations.isBinary(l) || Collations.isBinary(r)) {
          // an explicit code-point collation: case-sensitive, whatever the column's
          Collations.likeOperand(d, l);
          d.a(like.isNot() ? " NOT LIKE " : " LIKE ");
          Collations.likeOperand(d, r);
        } else if (d.isCaseInsensitiveText(l) && d.isAccentInsensitiveText(l)) {
          // utf8mb4_0900_ai_ci matches character by character ignoring accents ('Müller' LIKE
          // 'mu%'): both sides folded as AccentFolding says, one character for one
          d.textFolded(l, true, true);
          d.a(like.isNot() ? " NOT LIKE " : " LIKE ");
          d.textFolded(r, true, true);
        } else {
          boolean ci = d.isCaseInsensitiveText(l);
          d.text(l);
          d.a(like.isNot() ? " NOT" : "").a(ci ? " ILIKE " : " LIKE ");
          d.text(r);
        }
        if (like.getEscape() != null) {
          d.a(" ESCAPE ");
          d.p(like.getEscape());
        } else if (d.ctx.sqlMode.noBackslashEscapes()) {
          // NO_BACKSLASH_ESCAPES: MySQL's LIKE has no default escape character
          d.a(" ESCAPE ''");
        }
      }
      case REGEXP, RLIKE -> {
        // MySQL REGEXP follows the column collation: case-insensitive unless the column is
        // known to be binary or case-sensitive
        Optional<ColumnInfo> info = d.columnInfo(l);
        boolean sensitive = info.isPresent() && !info.get().caseInsensitive();
        d.text(l);
        d.a(like.isNot() ? (sensitive ? " !~ " : " !~* ") : (sensitive ? " ~ " : " ~* "));
        d.text(r);
      }
      default -> throw PgExpressionDeParser.refuseNode(like, kw.name());
    }
  }
}
