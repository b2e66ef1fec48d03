package io.dualwrite.rewriter;

import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;

/**
 * The expression nodes with no PostgreSQL translation, each refused by name ({@link #refuseNode}):
 * Oracle, SQL Server and PostgreSQL syntax JSqlParser also reads, and MySQL constructs whose
 * meaning PostgreSQL does not reproduce. {@link PgExpressionDeParser} prints every other node;
 * DeparserCoverageTest checks that no node is left to JSqlParser's printing "as parsed".
 */
abstract class UntranslatableExpressionDeParser extends ExpressionDeParser {

  /** A refusal of a node by its class name, for constructs with no faithful translation. */
  static RefusedException refuseNode(Object node, String what) {
    String name = node.getClass().getSimpleName();
    return RefusedException.syntax(
        name, "The MySQL construct " + what + " (" + node + ") has no faithful translation.");
  }

  @Override
  public <S> StringBuilder visit(WhenClause w, S context) {
    throw refuseNode(w, "WHEN outside CASE");
  }

  @Override
  public <S> StringBuilder visit(IntervalExpression iv, S context) {
    throw refuseNode(iv, "INTERVAL outside date arithmetic");
  }

  @Override
  public <S> StringBuilder visit(CollateExpression c, S context) {
    throw RefusedException.syntax(
        "collate",
        "COLLATE "
            + c.getCollate()
            + " is translated only as utf8mb4_bin or utf8mb4_0900_bin in a comparison, LIKE or"
            + " ORDER BY; elsewhere, and other collations, have no faithful translation.");
  }

  @Override
  public <S> StringBuilder visit(FullTextSearch f, S context) {
    throw RefusedException.syntax(
        "match-against",
        "MATCH ... AGAINST relies on MySQL's FULLTEXT ranking, which PostgreSQL text search does"
            + " not reproduce.");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.AllValue node, S context) {
    throw refuseNode(node, "AllValue");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.ArrayConstructor node, S context) {
    throw refuseNode(node, "ArrayConstructor");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.ArrayExpression node, S context) {
    throw refuseNode(node, "ArrayExpression");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.ConnectByPriorOperator node, S context) {
    throw refuseNode(node, "ConnectByPriorOperator");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.ConnectByRootOperator node, S context) {
    throw refuseNode(node, "ConnectByRootOperator");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.DateValue node, S context) {
    throw refuseNode(node, "DateValue");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.HighExpression node, S context) {
    throw refuseNode(node, "HighExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.Inverse node, S context) {
    throw refuseNode(node, "Inverse");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.JdbcNamedParameter node, S context) {
    throw refuseNode(node, "JdbcNamedParameter");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.JsonAggregateFunction node, S context) {
    throw RefusedException.syntax(
        "json-aggregate",
        "JSON_ARRAYAGG and JSON_OBJECTAGG are not translated yet: MySQL's JSON forms of the"
            + " aggregated values (dates, conditions, binary strings) need exact translations.");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.KeepExpression node, S context) {
    throw refuseNode(node, "KeepExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.LambdaExpression node, S context) {
    throw refuseNode(node, "LambdaExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.LowExpression node, S context) {
    throw refuseNode(node, "LowExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.NextValExpression node, S context) {
    throw refuseNode(node, "NextValExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.NumericBind node, S context) {
    throw refuseNode(node, "NumericBind");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.OracleHierarchicalExpression node, S context) {
    throw refuseNode(node, "OracleHierarchicalExpression");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.OracleNamedFunctionParameter node, S context) {
    // f(name => value): Oracle's named argument, not MySQL syntax; printed as parsed it would
    // reach PostgreSQL as PostgreSQL's own named-argument notation
    throw refuseNode(node, "named argument (name => value)");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.OracleHint node, S context) {
    throw refuseNode(node, "OracleHint");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.OverlapsCondition node, S context) {
    throw refuseNode(node, "OverlapsCondition");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.RangeExpression node, S context) {
    throw refuseNode(node, "RangeExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.RowGetExpression node, S context) {
    throw refuseNode(node, "RowGetExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.StructType node, S context) {
    throw refuseNode(node, "StructType");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.TimeValue node, S context) {
    throw refuseNode(node, "TimeValue");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.TimestampValue node, S context) {
    throw refuseNode(node, "TimestampValue");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.TimezoneExpression node, S context) {
    throw refuseNode(node, "TimezoneExpression");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.VariableAssignment node, S context) {
    throw RefusedException.syntax(
        "user-variable",
        ":= assigns a MySQL user variable, which lives in MySQL's session and is not mirrored.");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.expression.XMLSerializeExpr node, S context) {
    throw refuseNode(node, "XMLSerializeExpr");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.ContainedBy node, S context) {
    throw refuseNode(node, "ContainedBy");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.Contains node, S context) {
    throw refuseNode(node, "Contains");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.DoubleAnd node, S context) {
    throw refuseNode(node, "DoubleAnd");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.ExcludesExpression node, S context) {
    throw refuseNode(node, "ExcludesExpression");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.GeometryDistance node, S context) {
    throw refuseNode(node, "GeometryDistance");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.IncludesExpression node, S context) {
    throw refuseNode(node, "IncludesExpression");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.IsUnknownExpression node, S context) {
    throw refuseNode(node, "IsUnknownExpression");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.JsonOperator node, S context) {
    throw refuseNode(node, "JsonOperator");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.Matches node, S context) {
    throw refuseNode(node, "Matches");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.MemberOfExpression node, S context) {
    if (this instanceof PgExpressionDeParser d) {
      JsonFunctions.memberOf(d, node);
      return getBuilder();
    }
    throw RefusedException.syntax("member-of", "MEMBER OF is not translated here.");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.Plus node, S context) {
    throw refuseNode(node, "Plus");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.PriorTo node, S context) {
    throw refuseNode(node, "PriorTo");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator node, S context) {
    throw refuseNode(node, "RegExpMatchOperator");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.SimilarToExpression node, S context) {
    throw refuseNode(node, "SimilarToExpression");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.TSQLLeftJoin node, S context) {
    throw refuseNode(node, "TSQLLeftJoin");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.expression.operators.relational.TSQLRightJoin node, S context) {
    throw refuseNode(node, "TSQLRightJoin");
  }

  @Override
  public <S> StringBuilder visit(net.sf.jsqlparser.statement.piped.FromQuery node, S context) {
    throw refuseNode(node, "FromQuery");
  }

  @Override
  public <S> StringBuilder visit(
      net.sf.jsqlparser.statement.select.FunctionAllColumns node, S context) {
    throw refuseNode(node, "FunctionAllColumns");
  }
}
