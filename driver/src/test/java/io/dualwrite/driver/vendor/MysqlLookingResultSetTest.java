package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlLookingResultSetTest {

  /**
   * A getter or updater by label that reached pgjdbc directly would skip both the MySQL labels and
   * the conversions: every one must be declared here and go through findColumn.
   */
  @Test
  void everyMethodByLabelIsOverridden() {
    List<String> missing = new ArrayList<>();
    for (Method m : ResultSet.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() == 0
          || m.getParameterTypes()[0] != String.class
          || m.getName().equals("findColumn")) {
        continue;
      }
      try {
        MysqlLookingResultSet.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        missing.add(m.toString());
      }
    }
    assertThat(missing).isEmpty();
  }

  /** The getters whose values Connector/J and pgjdbc read differently are converted. */
  @Test
  void convertingGettersByIndexAreOverridden() throws NoSuchMethodException {
    for (String name :
        new String[] {
          "getObject",
          "getString",
          "getNString",
          "getBoolean",
          "getByte",
          "getShort",
          "getInt",
          "getLong",
          "getFloat",
          "getDouble",
          "getBigDecimal",
          "getDate"
        }) {
      assertThat(MysqlLookingResultSet.class.getDeclaredMethod(name, int.class)).isNotNull();
    }
    assertThat(MysqlLookingResultSet.class.getDeclaredMethod("getObject", int.class, Class.class))
        .isNotNull();
  }
}
