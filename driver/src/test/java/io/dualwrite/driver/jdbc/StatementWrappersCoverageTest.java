package io.dualwrite.driver.jdbc;

import static io.dualwrite.driver.jdbc.ForwardingTestSupport.interfaceMethods;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application's statement wrappers leave no JDBC method to an interface default: {@link
 * DualWriteStatement} inherits every {@code Statement} method from its classes ({@link
 * EngineStatement}, {@link ForwardingStatement}), and {@link DualWritePreparedStatement}, which
 * implements {@code PreparedStatement} itself rather than through {@link
 * ForwardingPreparedStatement}, overrides every method {@code PreparedStatement} adds, so a new JDK
 * method fails here instead of running the JDK's default.
 */
class StatementWrappersCoverageTest {

  @Test
  void everyStatementMethodIsImplementedByAClass() {
    assertThat(notImplementedByAClass(DualWriteStatement.class, Statement.class)).isEmpty();
    assertThat(notImplementedByAClass(DualWritePreparedStatement.class, Statement.class)).isEmpty();
  }

  @Test
  void everyPreparedStatementMethodIsTheWrappersOwn() {
    List<String> notOwn =
        interfaceMethods(PreparedStatement.class).stream()
            .filter(m -> m.getDeclaringClass() != Statement.class && !isStatementMethod(m))
            .filter(m -> !declaredBy(DualWritePreparedStatement.class, m))
            .map(ForwardingTestSupport::signature)
            .toList();
    assertThat(notOwn).isEmpty();
  }

  private static List<String> notImplementedByAClass(Class<?> wrapper, Class<?> iface) {
    return interfaceMethods(iface).stream()
        .filter(
            m -> {
              try {
                Method impl = wrapper.getMethod(m.getName(), m.getParameterTypes());
                return impl.getDeclaringClass().isInterface()
                    || Modifier.isAbstract(impl.getModifiers());
              } catch (NoSuchMethodException e) {
                return true;
              }
            })
        .map(ForwardingTestSupport::signature)
        .toList();
  }

  private static boolean isStatementMethod(Method m) {
    try {
      Statement.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean declaredBy(Class<?> type, Method m) {
    try {
      type.getDeclaredMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
