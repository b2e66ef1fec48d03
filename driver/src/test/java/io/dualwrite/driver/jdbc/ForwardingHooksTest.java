package io.dualwrite.driver.jdbc;

import static io.dualwrite.driver.jdbc.ForwardingTestSupport.inertInstance;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.interfaceMethods;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.invoke;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.recordingDelegate;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.sameSignature;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.sample;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.sampleArgs;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.driver.jdbc.ForwardingTestSupport.Recorder;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hooks are where a subclass keeps the application on its wrappers: every method that returns a
 * JDBC object of a hooked kind goes through its hook, exactly once, and no other method does.
 */
class ForwardingHooksTest {

  /** One hook invocation: which hook, and the arguments it got. */
  record HookCall(String hook, List<Object> args) {}

  /** Records hook calls and answers each with a marker object the delegate never returns. */
  static final class HookLog {
    final List<HookCall> calls = new ArrayList<>();
    final ResultSet resultSet = (ResultSet) inertInstance(ResultSet.class, 901);
    final Connection connection = (Connection) inertInstance(Connection.class, 902);
    final Statement statement = (Statement) inertInstance(Statement.class, 903);
    final PreparedStatement preparedStatement =
        (PreparedStatement) inertInstance(PreparedStatement.class, 904);
    final CallableStatement callableStatement =
        (CallableStatement) inertInstance(CallableStatement.class, 905);
    final DatabaseMetaData metaData = (DatabaseMetaData) inertInstance(DatabaseMetaData.class, 906);

    <T> T record(T marker, String hook, Object... args) {
      calls.add(new HookCall(hook, Arrays.asList(args)));
      return marker;
    }
  }

  /** A forwarding class with every one of its hooks overridden to record into a {@link HookLog}. */
  record Hooked(Class<?> iface, BiFunction<Object, HookLog, Object> create) {
    @Override
    public String toString() {
      return "Forwarding" + iface.getSimpleName();
    }
  }

  static final List<Hooked> HOOKED =
      List.of(
          new Hooked(
              Connection.class,
              (d, log) ->
                  new ForwardingConnection((Connection) d) {
                    @Override
                    protected Statement wrapStatement(Statement statement) {
                      return log.record(log.statement, "wrapStatement", statement);
                    }

                    @Override
                    protected PreparedStatement wrapPreparedStatement(
                        PreparedStatement statement, String sql) {
                      return log.record(
                          log.preparedStatement, "wrapPreparedStatement", statement, sql);
                    }

                    @Override
                    protected CallableStatement wrapCallableStatement(
                        CallableStatement statement, String sql) {
                      return log.record(
                          log.callableStatement, "wrapCallableStatement", statement, sql);
                    }

                    @Override
                    protected DatabaseMetaData wrapMetaData(DatabaseMetaData metaData) {
                      return log.record(log.metaData, "wrapMetaData", metaData);
                    }
                  }),
          new Hooked(
              Statement.class,
              (d, log) ->
                  new ForwardingStatement((Statement) d) {
                    @Override
                    protected ResultSet wrapResultSet(ResultSet resultSet) {
                      return log.record(log.resultSet, "wrapResultSet", resultSet);
                    }

                    @Override
                    protected Connection wrapperConnection() {
                      return log.record(log.connection, "wrapperConnection");
                    }
                  }),
          new Hooked(
              PreparedStatement.class,
              (d, log) ->
                  new ForwardingPreparedStatement((PreparedStatement) d) {
                    @Override
                    protected ResultSet wrapResultSet(ResultSet resultSet) {
                      return log.record(log.resultSet, "wrapResultSet", resultSet);
                    }

                    @Override
                    protected Connection wrapperConnection() {
                      return log.record(log.connection, "wrapperConnection");
                    }
                  }),
          new Hooked(
              CallableStatement.class,
              (d, log) ->
                  new ForwardingCallableStatement((CallableStatement) d) {
                    @Override
                    protected ResultSet wrapResultSet(ResultSet resultSet) {
                      return log.record(log.resultSet, "wrapResultSet", resultSet);
                    }

                    @Override
                    protected Connection wrapperConnection() {
                      return log.record(log.connection, "wrapperConnection");
                    }
                  }),
          new Hooked(
              DatabaseMetaData.class,
              (d, log) ->
                  new ForwardingDatabaseMetaData((DatabaseMetaData) d) {
                    @Override
                    protected ResultSet wrapResultSet(ResultSet resultSet) {
                      return log.record(log.resultSet, "wrapResultSet", resultSet);
                    }

                    @Override
                    protected Connection wrapperConnection() {
                      return log.record(log.connection, "wrapperConnection");
                    }
                  }),
          new Hooked(
              ResultSet.class,
              (d, log) ->
                  new ForwardingResultSet((ResultSet) d) {
                    @Override
                    protected Statement wrapperStatement() {
                      return log.record(log.statement, "wrapperStatement");
                    }
                  }));

  /**
   * What a hooked wrapper must do for one method.
   *
   * @param hook the hook that must run once, or null for none
   * @param wrapsDelegateResult whether the hook receives the delegate's result (else the delegate
   *     is not called at all and the hook supplies the result)
   * @param marker what the hook returns, and so what the method must return
   */
  record Expectation(String hook, boolean wrapsDelegateResult, Object marker) {
    static final Expectation NONE = new Expectation(null, false, null);
  }

  static Expectation expectation(Class<?> iface, Method method, HookLog log) {
    Class<?> returned = method.getReturnType();
    boolean noArgs = method.getParameterCount() == 0;
    if (iface == Connection.class) {
      if (returned == Statement.class) {
        return new Expectation("wrapStatement", true, log.statement);
      } else if (returned == PreparedStatement.class) {
        return new Expectation("wrapPreparedStatement", true, log.preparedStatement);
      } else if (returned == CallableStatement.class) {
        return new Expectation("wrapCallableStatement", true, log.callableStatement);
      } else if (returned == DatabaseMetaData.class) {
        return new Expectation("wrapMetaData", true, log.metaData);
      }
    } else if (iface == ResultSet.class) {
      if (method.getName().equals("getStatement") && noArgs) {
        return new Expectation("wrapperStatement", false, log.statement);
      }
    } else {
      if (returned == ResultSet.class) {
        return new Expectation("wrapResultSet", true, log.resultSet);
      } else if (method.getName().equals("getConnection") && noArgs) {
        return new Expectation("wrapperConnection", false, log.connection);
      }
    }
    return Expectation.NONE;
  }

  @TestFactory
  Stream<DynamicNode> exactlyTheMethodsReturningWrappableObjectsGoThroughTheirHook() {
    return HOOKED.stream()
        .map(
            hooked ->
                DynamicContainer.dynamicContainer(
                    hooked.toString(),
                    interfaceMethods(hooked.iface()).stream()
                        .map(
                            m ->
                                DynamicTest.dynamicTest(
                                    signature(m), () -> assertHookUse(hooked, m)))));
  }

  private static void assertHookUse(Hooked hooked, Method method) throws Throwable {
    HookLog log = new HookLog();
    Recorder recorder = new Recorder();
    Object delegateResult = sample(method.getReturnType(), 7);
    recorder.answer = m -> delegateResult;
    Object wrapper = hooked.create().apply(recordingDelegate(hooked.iface(), recorder), log);
    Object[] args = sampleArgs(method, 4);
    Expectation expected = expectation(hooked.iface(), method, log);

    Object result = invoke(wrapper, method, args);

    if (expected.hook() == null) {
      assertThat(log.calls).as("hooks called").isEmpty();
      assertThat(sameSignature(recorder.onlyCall().method(), method)).isTrue();
      return;
    }
    assertThat(result).isSameAs(expected.marker());
    assertThat(log.calls).extracting(HookCall::hook).containsExactly(expected.hook());
    List<Object> hookArgs = log.calls.get(0).args();
    if (!expected.wrapsDelegateResult()) {
      assertThat(recorder.calls).as("the hook replaces the delegate's answer").isEmpty();
      assertThat(hookArgs).isEmpty();
      return;
    }
    assertThat(sameSignature(recorder.onlyCall().method(), method)).isTrue();
    assertThat(hookArgs.get(0)).isSameAs(delegateResult);
    if (expected.hook().equals("wrapPreparedStatement")
        || expected.hook().equals("wrapCallableStatement")) {
      assertThat(method.getParameterTypes()[0]).isEqualTo(String.class);
      assertThat(hookArgs).hasSize(2);
      assertThat(hookArgs.get(1)).as("the SQL the application passed").isSameAs(args[0]);
    } else {
      assertThat(hookArgs).hasSize(1);
    }
  }

  @TestFactory
  Stream<DynamicNode> aNullFromTheDelegateIsReturnedWithoutCallingTheHook() {
    return HOOKED.stream()
        .map(
            hooked ->
                DynamicContainer.dynamicContainer(
                    hooked.toString(),
                    interfaceMethods(hooked.iface()).stream()
                        .filter(
                            m ->
                                expectation(hooked.iface(), m, new HookLog()).wrapsDelegateResult())
                        .map(
                            m ->
                                DynamicTest.dynamicTest(
                                    signature(m),
                                    () -> {
                                      HookLog log = new HookLog();
                                      Recorder recorder = new Recorder();
                                      recorder.answer = any -> null;
                                      Object wrapper =
                                          hooked
                                              .create()
                                              .apply(
                                                  recordingDelegate(hooked.iface(), recorder), log);
                                      assertThat(invoke(wrapper, m, sampleArgs(m, 5))).isNull();
                                      assertThat(log.calls).isEmpty();
                                      assertThat(recorder.calls).hasSize(1);
                                    }))));
  }

  @Test
  void theHooksCoverTheMethodsTheirJavadocNames() {
    assertThat(hookedMethodNames(Connection.class))
        .containsExactlyInAnyOrder(
            "createStatement",
            "createStatement",
            "createStatement",
            "prepareStatement",
            "prepareStatement",
            "prepareStatement",
            "prepareStatement",
            "prepareStatement",
            "prepareStatement",
            "prepareCall",
            "prepareCall",
            "prepareCall",
            "getMetaData");
    assertThat(hookedMethodNames(Statement.class))
        .containsExactlyInAnyOrder(
            "executeQuery", "getResultSet", "getGeneratedKeys", "getConnection");
    assertThat(hookedMethodNames(PreparedStatement.class))
        .containsExactlyInAnyOrder(
            "executeQuery", "executeQuery", "getResultSet", "getGeneratedKeys", "getConnection");
    assertThat(hookedMethodNames(ResultSet.class)).containsExactly("getStatement");
    assertThat(hookedMethodNames(DatabaseMetaData.class))
        .contains(
            "getConnection",
            "getTables",
            "getColumns",
            "getPrimaryKeys",
            "getIndexInfo",
            "getTypeInfo",
            "getSchemas",
            "getCatalogs",
            "getImportedKeys",
            "getPseudoColumns",
            "getClientInfoProperties")
        .hasSizeGreaterThan(25);
  }

  private static List<String> hookedMethodNames(Class<?> iface) {
    HookLog log = new HookLog();
    return interfaceMethods(iface).stream()
        .filter(m -> expectation(iface, m, log).hook() != null)
        .map(Method::getName)
        .toList();
  }

  @Test
  void statementBackReferencesComeFromTheHookNotTheVendorConnection() throws SQLException {
    HookLog log = new HookLog();
    Recorder recorder = new Recorder();
    recorder.answer = m -> sample(m.getReturnType(), 1);
    ForwardingStatement statement =
        (ForwardingStatement)
            HOOKED.get(1).create().apply(recordingDelegate(Statement.class, recorder), log);

    assertThat(statement.getConnection()).isSameAs(log.connection);
    assertThat(statement.executeQuery("SELECT 1")).isSameAs(log.resultSet);
    assertThat(statement.getGeneratedKeys()).isSameAs(log.resultSet);
    assertThat(recorder.calls)
        .extracting(c -> c.method().getName())
        .containsExactly("executeQuery", "getGeneratedKeys");
  }

  @Test
  void aFailingHookFailsTheCallWithItsException() {
    SQLException refused = new SQLTransientException("cannot wrap", "08000");
    Recorder recorder = new Recorder();
    recorder.answer = m -> sample(m.getReturnType(), 1);
    Connection connection =
        new ForwardingConnection(recordingDelegate(Connection.class, recorder)) {
          @Override
          protected PreparedStatement wrapPreparedStatement(PreparedStatement statement, String sql)
              throws SQLException {
            throw refused;
          }
        };

    assertThatThrownBy(() -> connection.prepareStatement("SELECT ?")).isSameAs(refused);
  }
}
