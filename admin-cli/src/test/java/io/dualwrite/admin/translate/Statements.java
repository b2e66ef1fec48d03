package io.dualwrite.admin.translate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads all statements of a text with a given format, for tests. */
final class Statements {
  private Statements() {}

  static List<SourceStatement> read(InputFormat format, String text) {
    return read(format, text, 1_000_000);
  }

  static List<SourceStatement> read(InputFormat format, String text, int maxLength) {
    try {
      StatementSource source = format.open(new StringReader(text), maxLength);
      List<SourceStatement> all = new ArrayList<>();
      SourceStatement s;
      while ((s = source.next()) != null) {
        all.add(s);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> texts(InputFormat format, String text) {
    return read(format, text).stream().map(SourceStatement::text).toList();
  }
}
