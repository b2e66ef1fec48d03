package io.dualwrite.testkit;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test class its own fresh, empty pair of databases.
 *
 * <pre>{@code
 * @ExtendWith(TestDatabases.class)
 * class InsertIT {
 *   @Test
 *   void insertsOnBothSides(DatabasePair db) throws SQLException {
 *     try (Connection mysql = db.openMysql()) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>A {@link DatabasePair} parameter may be declared on test methods, lifecycle methods
 * ({@code @BeforeAll} included) and constructors. The databases are created before the class's
 * first test and dropped after its last. The servers behind them are chosen by {@link TestServers}.
 */
public final class TestDatabases implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestDatabases.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    pair(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DatabasePair.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return pair(context);
  }

  private static DatabasePair pair(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            OwnedPair.class, key -> OwnedPair.create(classContext), OwnedPair.class)
        .pair;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** The pair plus the duty to drop it: JUnit closes it when the class context ends. */
  private static final class OwnedPair implements AutoCloseable {
    private final DatabasePair pair;

    private OwnedPair(DatabasePair pair) {
      this.pair = pair;
    }

    static OwnedPair create(ExtensionContext context) {
      TestServers servers = TestServers.get();
      String name = databaseName(context.getRequiredTestClass());
      try {
        servers.mysql().createDatabase(name);
        servers.postgres().createDatabase(name);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot create test database " + name, e);
      }
      return new OwnedPair(
          new DatabasePair(
              name, servers.mysql().database(name), servers.postgres().database(name)));
    }

    @Override
    public void close() throws Exception {
      TestServers servers = TestServers.get();
      servers.mysql().dropDatabase(pair.name());
      servers.postgres().dropDatabase(pair.name());
    }
  }

  /** {@code dw_<class>_<random>}: lower case, at most 48 characters, valid on both servers. */
  static String databaseName(Class<?> testClass) {
    String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    if (simple.length() > 32) {
      simple = simple.substring(0, 32);
    }
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    return "dw_" + simple + "_" + suffix;
  }
}
