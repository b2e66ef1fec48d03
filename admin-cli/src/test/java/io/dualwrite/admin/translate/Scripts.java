package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Splits a SQL script as the mysql client does (the tool's own splitter), for tests. */
public final class Scripts {
  private Scripts() {}

  /** The statements of {@code script}, DELIMITER blocks included, comments removed. */
  public static List<String> split(String script) {
    ScriptSplitter splitter = new ScriptSplitter(new StringReader(script), Integer.MAX_VALUE);
    List<String> out = new ArrayList<>();
    try {
      SourceStatement s;
      while ((s = splitter.next()) != null) {
        out.add(s.text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
