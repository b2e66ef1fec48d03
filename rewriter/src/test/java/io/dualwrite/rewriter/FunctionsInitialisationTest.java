package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The function tables are built whichever function a process translates first. Each case loads the
 * rewriter afresh in its own class loader, as a new JVM would.
 */
class FunctionsInitialisationTest {

  @Test
  void groupConcatAsTheFirstFunctionOfAProcessIsTranslatedRegressionInitialisationCycle()
      throws Exception {
    // GROUP_CONCAT reaches AggregateFunctions before Functions: its table used to be read while
    // still null (ExceptionInInitializerError on a view of Sakila as the first statement)
    assertThat(translateInFreshLoader("SELECT GROUP_CONCAT(a ORDER BY a SEPARATOR ',') FROM t"))
        .contains("string_agg");
  }

  @Test
  void anAggregateAsTheFirstFunctionOfAProcessIsTranslated() throws Exception {
    assertThat(translateInFreshLoader("SELECT COUNT(*), MAX(a) FROM t")).contains("count(*)");
  }

  private static String translateInFreshLoader(String sql) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> rewriterClass = Class.forName(Rewriter.class.getName(), true, loader);
      Object builder = rewriterClass.getMethod("builder").invoke(null);
      Object rewriter = builder.getClass().getMethod("build").invoke(builder);
      Object translation = rewriterClass.getMethod("translate", String.class).invoke(rewriter, sql);
      assertThat(rewriterClass.getClassLoader()).isSameAs(loader);
      return String.valueOf(translation.getClass().getMethod("postgresSql").invoke(translation));
    }
  }
}
