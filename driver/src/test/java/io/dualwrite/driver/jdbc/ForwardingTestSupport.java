package io.dualwrite.driver.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Test-only machinery for the Forwarding* tests: recording delegates (JDK proxies, which are fine
 * in tests), distinct sample values per parameter type, and the list of forwarding classes under
 * test.
 */
final class ForwardingTestSupport {

  private ForwardingTestSupport() {}

  /**
   * One forwarding class under test.
   *
   * @param iface the JDBC interface it implements
   * @param forwardingClass the abstract forwarding class
   * @param create makes a plain (hook-less) instance around a delegate of type {@code iface}
   */
  record Subject(Class<?> iface, Class<?> forwardingClass, Function<Object, Object> create) {
    @Override
    public String toString() {
      return forwardingClass.getSimpleName();
    }
  }

  /** Every forwarding class, each with the interface it must forward completely. */
  static final List<Subject> SUBJECTS =
      List.of(
          new Subject(
              Connection.class,
              ForwardingConnection.class,
              d -> new ForwardingConnection((Connection) d) {}),
          new Subject(
              Statement.class,
              ForwardingStatement.class,
              d -> new ForwardingStatement((Statement) d) {}),
          new Subject(
              PreparedStatement.class,
              ForwardingPreparedStatement.class,
              d -> new ForwardingPreparedStatement((PreparedStatement) d) {}),
          new Subject(
              CallableStatement.class,
              ForwardingCallableStatement.class,
              d -> new ForwardingCallableStatement((CallableStatement) d) {}),
          new Subject(
              ResultSet.class,
              ForwardingResultSet.class,
              d -> new ForwardingResultSet((ResultSet) d) {}),
          new Subject(
              ResultSetMetaData.class,
              ForwardingResultSetMetaData.class,
              d -> new ForwardingResultSetMetaData((ResultSetMetaData) d) {}),
          new Subject(
              DatabaseMetaData.class,
              ForwardingDatabaseMetaData.class,
              d -> new ForwardingDatabaseMetaData((DatabaseMetaData) d) {}),
          new Subject(
              Savepoint.class,
              ForwardingSavepoint.class,
              d -> new ForwardingSavepoint((Savepoint) d) {}));

  /**
   * The public instance methods of {@code iface} and its superinterfaces (default methods
   * included), one per signature, in a stable order.
   */
  static List<Method> interfaceMethods(Class<?> iface) {
    Map<String, Method> bySignature = new LinkedHashMap<>();
    Arrays.stream(iface.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparing(ForwardingTestSupport::signature))
        .forEach(m -> bySignature.putIfAbsent(signature(m), m));
    return new ArrayList<>(bySignature.values());
  }

  static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  static boolean sameSignature(Method a, Method b) {
    return a.getName().equals(b.getName())
        && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
  }

  /** One call a recording delegate received. */
  record Call(Method method, Object[] args) {}

  /**
   * Records every call made on the proxies it backs, and answers each with {@link #answer} or
   * throws {@link #failure}. {@code Object} methods are answered by identity and not recorded.
   */
  static final class Recorder implements InvocationHandler {
    final List<Call> calls = new ArrayList<>();
    Function<Method, Object> answer = m -> null;
    Throwable failure;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(proxy, method, args);
      }
      calls.add(new Call(method, args == null ? new Object[0] : args.clone()));
      if (failure != null) {
        throw failure;
      }
      return answer.apply(method);
    }

    /** The only call received; fails if there was not exactly one. */
    Call onlyCall() {
      if (calls.size() != 1) {
        throw new AssertionError("expected exactly one call on the delegate but got " + calls);
      }
      return calls.get(0);
    }
  }

  /** A proxy of {@code iface} whose calls go to {@code recorder}. */
  static <T> T recordingDelegate(Class<T> iface, Recorder recorder) {
    return iface.cast(
        Proxy.newProxyInstance(
            ForwardingTestSupport.class.getClassLoader(), new Class<?>[] {iface}, recorder));
  }

  /** A fresh object implementing {@code iface} whose non-Object methods all fail. */
  static Object inertInstance(Class<?> iface, int seed) {
    return Proxy.newProxyInstance(
        ForwardingTestSupport.class.getClassLoader(),
        new Class<?>[] {iface},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("toString")
                ? "inert " + iface.getSimpleName() + " #" + seed
                : objectMethod(proxy, method, args);
          }
          throw new UnsupportedOperationException(method.toString());
        });
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "recording delegate " + Arrays.toString(proxy.getClass().getInterfaces());
    }
  }

  /** Classes no forwarding object is an instance of, so {@code unwrap} must ask the delegate. */
  private static final Class<?>[] FOREIGN_CLASSES = {
    UUID.class, StringBuilder.class, Thread.class, Runnable.class
  };

  /**
   * A value of {@code type} derived from {@code seed}: equal seeds give equal primitives and
   * strings, different seeds different ones; objects are new instances (identity tells them apart).
   */
  static Object sample(Class<?> type, int seed) {
    if (type == void.class) {
      return null;
    } else if (type == int.class || type == Integer.class) {
      return 1000 + seed;
    } else if (type == long.class || type == Long.class) {
      return 10_000_000_000L + seed;
    } else if (type == short.class || type == Short.class) {
      return (short) (100 + seed);
    } else if (type == byte.class || type == Byte.class) {
      return (byte) seed;
    } else if (type == float.class || type == Float.class) {
      return seed + 0.5f;
    } else if (type == double.class || type == Double.class) {
      return seed + 0.25d;
    } else if (type == boolean.class || type == Boolean.class) {
      return seed % 2 == 1;
    } else if (type == char.class || type == Character.class) {
      return (char) ('a' + seed % 26);
    } else if (type == String.class) {
      return "s" + seed;
    } else if (type == Object.class) {
      return new StringBuilder("object ").append(seed);
    } else if (type == Class.class) {
      return FOREIGN_CLASSES[seed % FOREIGN_CLASSES.length];
    } else if (type.isArray()) {
      Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), 2);
      java.lang.reflect.Array.set(array, 0, sample(type.getComponentType(), seed));
      java.lang.reflect.Array.set(array, 1, sample(type.getComponentType(), seed + 1));
      return array;
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[seed % constants.length];
    } else if (type == BigDecimal.class) {
      return new BigDecimal(seed).movePointLeft(2);
    } else if (type == Date.class) {
      return new Date(seed * 86_400_000L);
    } else if (type == Time.class) {
      return new Time(seed * 1000L);
    } else if (type == Timestamp.class) {
      return new Timestamp(seed * 1001L);
    } else if (type == URL.class) {
      try {
        return new URL("http://example.com/" + seed);
      } catch (MalformedURLException e) {
        throw new AssertionError(e);
      }
    } else if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[] {(byte) seed});
    } else if (type == Reader.class) {
      return new StringReader("r" + seed);
    } else if (type == Calendar.class) {
      return new GregorianCalendar(2000 + seed, Calendar.JANUARY, 1);
    } else if (type == Properties.class) {
      Properties properties = new Properties();
      properties.setProperty("p" + seed, "v" + seed);
      return properties;
    } else if (type == Map.class) {
      return new HashMap<>(Map.of("k" + seed, String.class));
    } else if (type == SQLWarning.class) {
      return new SQLWarning("warning " + seed);
    } else if (type.isInterface()) {
      return inertInstance(type, seed);
    }
    throw new AssertionError("no sample value for " + type);
  }

  /** Sample arguments for {@code method}, each distinct from the others and from other seeds. */
  static Object[] sampleArgs(Method method, int seed) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = sample(types[i], seed * 10 + i + 1);
    }
    return args;
  }

  /** Calls {@code method} reflectively, rethrowing what the method threw. */
  static Object invoke(Object target, Method method, Object... args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
