package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A second printing pass gets what the analysis found and nothing of what the first printed. */
class PrintContextTest {

  private static final Object MARKER = new Object();

  @Test
  void everyFieldIsEitherCarriedToTheNextPassOrStateOfOnePass() {
    Set<String> fields = new HashSet<>();
    for (Field f : instanceFields()) {
      fields.add(f.getName());
    }
    assertThat(PrintContext.CARRIED_TO_NEXT_PASS)
        .doesNotContainAnyElementsOf(PrintContext.STATE_OF_ONE_PASS);
    Set<String> classified = new HashSet<>(PrintContext.CARRIED_TO_NEXT_PASS);
    classified.addAll(PrintContext.STATE_OF_ONE_PASS);
    assertThat(classified).as("fields of PrintContext").isEqualTo(fields);
  }

  @Test
  void nextPassKeepsEachCarriedFieldAndStartsEveryOtherAfresh() throws Exception {
    for (boolean pin : List.of(true, false)) {
      PrintContext used = new PrintContext(Fixtures.CATALOG);
      fillEveryField(used, !pin);
      PrintContext next = used.nextPass(pin);
      PrintContext fresh = new PrintContext(SchemaCatalog.of());
      for (Field f : instanceFields()) {
        Object expected =
            f.getName().equals("pinCalls")
                ? pin
                : PrintContext.CARRIED_TO_NEXT_PASS.contains(f.getName())
                    ? f.get(used)
                    : f.get(fresh);
        assertThat(f.get(next)).as("%s after nextPass(%s)", f.getName(), pin).isEqualTo(expected);
      }
      for (String carried : PrintContext.CARRIED_TO_NEXT_PASS) {
        Field f = PrintContext.class.getDeclaredField(carried);
        assertThat(f.get(next)).as("%s is carried", carried).isNotEqualTo(f.get(fresh));
        if (f.get(next) instanceof Collection<?> || f.get(next) instanceof Map<?, ?>) {
          assertThat(f.get(next)).as("%s is a copy", carried).isNotSameAs(f.get(used));
        }
      }
    }
  }

  /** Gives every field a value no fresh context has. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void fillEveryField(PrintContext c, boolean pinCalls) throws Exception {
    for (Field f : instanceFields()) {
      Object v = f.get(c);
      if (v instanceof Collection col) {
        col.add(MARKER);
      } else if (v instanceof Map map) {
        map.put(MARKER, MARKER);
      } else if (f.getType() == boolean.class) {
        f.setBoolean(c, f.getName().equals("pinCalls") ? pinCalls : true);
      } else if (f.getType() == int.class) {
        f.setInt(c, 7);
      } else if (f.getType() == String.class) {
        f.set(c, "marker");
      } else if (f.getType() == ParameterTarget.class) {
        f.set(c, new ParameterTarget("binary(4)", true));
      } else if (f.getName().equals("catalog")) {
        assertThat(v).isSameAs(Fixtures.CATALOG);
      } else {
        throw new AssertionError("no test value for the field " + f);
      }
    }
  }

  private static List<Field> instanceFields() {
    List<Field> fields = new ArrayList<>();
    for (Field f : PrintContext.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
        f.setAccessible(true);
        fields.add(f);
      }
    }
    return fields;
  }
}
