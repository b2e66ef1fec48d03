package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.PLAIN;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.statement.StatementVisitor;
import net.sf.jsqlparser.statement.select.FromItemVisitor;
import net.sf.jsqlparser.statement.select.PivotVisitor;
import net.sf.jsqlparser.statement.select.SelectItemVisitor;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import org.junit.jupiter.api.Test;

/**
 * Every node class JSqlParser can hand to a visitor is translated or refused by our own code, so no
 * node is printed "as parsed" by JSqlParser's deparsers (MySQL syntax passed through to
 * PostgreSQL). The node classes are read from the visitor interfaces, so a JSqlParser upgrade that
 * adds one fails here until it is translated or refused. (PipeOperatorVisitor's nodes are reached
 * only through a FromQuery, which is refused.)
 */
class DeparserCoverageTest {

  @Test
  void everyExpressionNodeIsPrintedOrRefusedByPgExpressionDeParser() {
    assertThat(notOverridden(ExpressionVisitor.class, PgExpressionDeParser.class)).isEmpty();
  }

  @Test
  void everySelectFromItemAndPivotNodeIsPrintedOrRefusedByPgSelectDeParser() {
    Set<String> missing = new TreeSet<>();
    for (Class<?> visitor :
        List.of(
            SelectVisitor.class,
            FromItemVisitor.class,
            SelectItemVisitor.class,
            PivotVisitor.class)) {
      missing.addAll(notOverridden(visitor, PgSelectDeParser.class));
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyStatementClassIsTranslatedOrListedAsRefused() {
    Set<String> unaccounted = new TreeSet<>();
    for (Class<?> node : nodeClasses(StatementVisitor.class)) {
      boolean translated = Translator.translates(node);
      boolean refused = REFUSED_STATEMENTS.contains(node.getSimpleName());
      if (translated == refused) {
        unaccounted.add(node.getSimpleName() + (translated ? " (both)" : ""));
      }
    }
    assertThat(unaccounted).isEmpty();
  }

  @Test
  void aStatementSubclassIsNotTranslatedAsItsParent() {
    // (INSERT ...) parses as a ParenthesedInsert, a subclass of Insert: not an INSERT to print
    assertThat(Translator.translates(net.sf.jsqlparser.statement.insert.Insert.class)).isTrue();
    assertThat(Translator.translates(net.sf.jsqlparser.statement.insert.ParenthesedInsert.class))
        .isFalse();
  }

  @Test
  void namedArgumentIsRefusedNotPrintedAsParsed() {
    // regression: COALESCE(a => 1) was printed as parsed, PostgreSQL named-argument notation
    assertThat(refusal(PLAIN, "SELECT COALESCE(a => 1) FROM t").code())
        .isEqualTo("unsupported-syntax:OracleNamedFunctionParameter");
  }

  @Test
  void pipeQueryIsRefusedNotPrintedAsParsed() {
    // regression: FROM t |> SELECT a was printed as parsed
    assertThat(refusal(PLAIN, "FROM t |> SELECT a").code())
        .isEqualTo("unsupported-syntax:pipe-syntax");
    assertThat(refusal(PLAIN, "FROM t").code()).isEqualTo("unsupported-syntax:pipe-syntax");
  }

  @Test
  void aNodeLeftToJSqlParsersDeparserWouldBeReported() {
    // the check above, applied to a deparser that overrides nothing
    class Plain extends net.sf.jsqlparser.util.deparser.ExpressionDeParser {}
    assertThat(notOverridden(ExpressionVisitor.class, Plain.class))
        .contains("OracleNamedFunctionParameter", "Function");
  }

  /**
   * The statement classes of {@link StatementVisitor} that are refused (code {@code
   * statement:<class>}): not MySQL data statements the driver mirrors, or (the Parenthesed forms)
   * not MySQL syntax at all.
   */
  private static final Set<String> REFUSED_STATEMENTS =
      Set.of(
          "AlterSequence",
          "AlterSession",
          "AlterSystemStatement",
          "AlterView",
          "Analyze",
          "Block",
          "Comment",
          "Commit",
          "CreateFunctionalStatement",
          "CreateSchema",
          "CreateSequence",
          "CreateSynonym",
          "DeclareStatement",
          "DescribeStatement",
          "Execute",
          "ExplainStatement",
          "Grant",
          "IfElseStatement",
          "Merge",
          "ParenthesedDelete",
          "ParenthesedInsert",
          "ParenthesedUpdate",
          "PurgeStatement",
          "RefreshMaterializedViewStatement",
          "ResetStatement",
          "RollbackStatement",
          "SavepointStatement",
          "SetStatement",
          "ShowColumnsStatement",
          "ShowIndexStatement",
          "ShowStatement",
          "ShowTablesStatement",
          "Statements",
          "UnsupportedStatement",
          "UseStatement");

  /**
   * The simple names of the node classes of visitor whose visit the deparser leaves to JSqlParser.
   */
  private static Set<String> notOverridden(Class<?> visitor, Class<?> deparser) {
    Set<String> missing = new TreeSet<>();
    for (Class<?> node : nodeClasses(visitor)) {
      Method m;
      try {
        m = deparser.getMethod("visit", node, Object.class);
      } catch (NoSuchMethodException e) {
        missing.add(node.getSimpleName());
        continue;
      }
      if (!m.getDeclaringClass().getPackageName().equals("io.dualwrite.rewriter")) {
        missing.add(node.getSimpleName());
      }
    }
    return missing;
  }

  /** The parameter types of the visitor's abstract visit(node, context) methods. */
  private static Set<Class<?>> nodeClasses(Class<?> visitor) {
    Set<Class<?>> nodes = new java.util.LinkedHashSet<>();
    Arrays.stream(visitor.getMethods())
        .filter(m -> m.getName().equals("visit"))
        .filter(m -> m.getParameterCount() == 2 && Modifier.isAbstract(m.getModifiers()))
        .forEach(m -> nodes.add(m.getParameterTypes()[0]));
    assertThat(nodes).as("visit methods of %s", visitor.getSimpleName()).isNotEmpty();
    return nodes;
  }
}
