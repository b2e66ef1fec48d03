package io.dualwrite.driver.jdbc;

import static io.dualwrite.driver.jdbc.ForwardingTestSupport.SUBJECTS;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.interfaceMethods;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.invoke;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.recordingDelegate;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.sameSignature;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.sample;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.sampleArgs;
import static io.dualwrite.driver.jdbc.ForwardingTestSupport.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dualwrite.driver.jdbc.ForwardingTestSupport.Call;
import io.dualwrite.driver.jdbc.ForwardingTestSupport.Recorder;
import io.dualwrite.driver.jdbc.ForwardingTestSupport.Subject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The forwarding classes override every method of their JDBC interfaces (default methods included,
 * so a new JDK method cannot slip through to an interface default), and each override passes its
 * arguments, result and exception through unchanged.
 */
class ForwardingCoverageTest {

  @TestFactory
  Stream<DynamicTest> everyInterfaceMethodIsOverriddenByAForwardingClass() {
    return SUBJECTS.stream()
        .map(
            subject ->
                DynamicTest.dynamicTest(
                    subject.toString(),
                    () -> {
                      List<String> notForwarded =
                          interfaceMethods(subject.iface()).stream()
                              .filter(m -> !forwardedByAForwardingClass(subject, m))
                              .map(m -> m.getDeclaringClass().getSimpleName() + "." + signature(m))
                              .toList();
                      assertThat(notForwarded)
                          .as("%s methods not overridden by %s", subject.iface(), subject)
                          .isEmpty();
                    }));
  }

  private static boolean forwardedByAForwardingClass(Subject subject, Method interfaceMethod) {
    Method implementation;
    try {
      implementation =
          subject
              .forwardingClass()
              .getMethod(interfaceMethod.getName(), interfaceMethod.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return false;
    }
    Class<?> owner = implementation.getDeclaringClass();
    return !owner.isInterface()
        && !Modifier.isAbstract(implementation.getModifiers())
        && owner.getPackage() == ForwardingConnection.class.getPackage()
        && owner.getSimpleName().startsWith("Forwarding")
        && owner.isAssignableFrom(subject.forwardingClass());
  }

  @Test
  void aNewInterfaceMethodWouldBeReportedAsNotForwarded() throws NoSuchMethodException {
    // The check above, applied to a method only the JDK's interface default implements.
    Subject statement = SUBJECTS.get(1);
    Method defaultMethod = Statement.class.getMethod("enquoteLiteral", String.class);
    assertThat(defaultMethod.isDefault()).isTrue();
    assertThat(forwardedByAForwardingClass(statement, defaultMethod)).isTrue();

    abstract class LeaksToDefault implements Statement {}
    Subject leaky = new Subject(Statement.class, LeaksToDefault.class, d -> d);
    assertThat(forwardedByAForwardingClass(leaky, defaultMethod)).isFalse();
    assertThat(
            forwardedByAForwardingClass(
                leaky, Statement.class.getMethod("executeQuery", String.class)))
        .isFalse();
  }

  @TestFactory
  Stream<DynamicNode> everyMethodForwardsItsArgumentsAndReturnsTheDelegatesResult() {
    return SUBJECTS.stream()
        .map(
            subject ->
                DynamicContainer.dynamicContainer(
                    subject.toString(),
                    interfaceMethods(subject.iface()).stream()
                        .map(
                            m ->
                                DynamicTest.dynamicTest(
                                    signature(m), () -> assertForwardsCallAndResult(subject, m)))));
  }

  /** Runs {@code method} twice with different arguments and results, to catch constants. */
  private static void assertForwardsCallAndResult(Subject subject, Method method) throws Throwable {
    for (int seed = 1; seed <= 2; seed++) {
      int resultSeed = seed;
      Recorder recorder = new Recorder();
      Object expectedResult = sample(method.getReturnType(), resultSeed);
      recorder.answer = m -> expectedResult;
      Object wrapper = subject.create().apply(recordingDelegate(subject.iface(), recorder));
      Object[] args = sampleArgs(method, seed);

      Object result = invoke(wrapper, method, args);

      Call call = recorder.onlyCall();
      assertThat(sameSignature(call.method(), method))
          .as("delegate method called for %s was %s", method, call.method())
          .isTrue();
      assertThat(call.args()).hasSameSizeAs(args);
      Class<?>[] types = method.getParameterTypes();
      for (int i = 0; i < args.length; i++) {
        if (types[i].isPrimitive()) {
          assertThat(call.args()[i]).as("argument %d", i).isEqualTo(args[i]);
        } else {
          assertThat(call.args()[i]).as("argument %d", i).isSameAs(args[i]);
        }
      }
      if (method.getReturnType().isPrimitive()) {
        assertThat(result).isEqualTo(expectedResult);
      } else {
        assertThat(result).isSameAs(expectedResult);
      }
    }
  }

  @TestFactory
  Stream<DynamicNode> everyMethodPassesTheDelegatesExceptionThroughUnchanged() {
    return SUBJECTS.stream()
        .map(
            subject ->
                DynamicContainer.dynamicContainer(
                    subject.toString(),
                    interfaceMethods(subject.iface()).stream()
                        .map(
                            m ->
                                DynamicTest.dynamicTest(
                                    signature(m),
                                    () -> assertPassesExceptionThrough(subject, m)))));
  }

  private static void assertPassesExceptionThrough(Subject subject, Method method) {
    boolean declaresSqlException =
        Arrays.stream(method.getExceptionTypes())
            .anyMatch(t -> t.isAssignableFrom(SQLException.class));
    Throwable failure =
        declaresSqlException
            ? new SQLFeatureNotSupportedException("vendor says no", "0A000", 1235)
            : new IllegalStateException("vendor says no");
    Recorder recorder = new Recorder();
    recorder.failure = failure;
    Object wrapper = subject.create().apply(recordingDelegate(subject.iface(), recorder));

    Throwable thrown = catchThrowable(() -> invoke(wrapper, method, sampleArgs(method, 3)));

    assertThat(thrown).isSameAs(failure);
    assertThat(sameSignature(recorder.onlyCall().method(), method)).isTrue();
  }

  @Test
  void forwardingClassesHoldNothingButTheirDelegate() {
    for (Subject subject : SUBJECTS) {
      for (Field field : subject.forwardingClass().getDeclaredFields()) {
        assertThat(field.getName()).as("field of %s", subject).isEqualTo("delegate");
        // Connection and statements re-point their delegate when the authoritative side changes
        // (replaceDelegate); every delegate is protected and only the subclass may move it.
        assertThat(field.getModifiers() & (Modifier.PROTECTED | Modifier.PUBLIC))
            .as("%s.delegate is protected", subject)
            .isEqualTo(Modifier.PROTECTED);
      }
      assertThat(Modifier.isAbstract(subject.forwardingClass().getModifiers())).isTrue();
    }
  }

  @Test
  void aNullDelegateIsRefusedAtConstruction() {
    for (Subject subject : SUBJECTS) {
      assertThatThrownBy(() -> subject.create().apply(null))
          .as(subject.toString())
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("delegate");
    }
  }

  @Test
  void statementMethodsOfAPreparedStatementReachThePreparedDelegate() throws SQLException {
    // ForwardingPreparedStatement holds its delegate twice (as Statement and as
    // PreparedStatement); both must be the same object.
    Recorder recorder = new Recorder();
    recorder.answer = m -> m.getReturnType() == boolean.class ? Boolean.TRUE : null;
    PreparedStatement delegate = recordingDelegate(PreparedStatement.class, recorder);
    ForwardingPreparedStatement wrapper = new ForwardingPreparedStatement(delegate) {};

    assertThat(wrapper.execute("SELECT 1")).isTrue();
    assertThat(wrapper.execute()).isTrue();
    assertThat(((ForwardingStatement) wrapper).delegate).isSameAs(delegate);
    assertThat(recorder.calls)
        .extracting(c -> c.method().getName())
        .containsExactly("execute", "execute");
  }
}
