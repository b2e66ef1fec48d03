package io.dualwrite.admin.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How statements are laid out in the input of {@code translate}. */
public enum InputFormat {
  /** A SQL script: statements end with {@code ;} (or the {@code DELIMITER} in force). */
  SCRIPT("script"),
  /** One statement per line, no terminator needed. */
  LINES("lines"),
  /** A MySQL/MariaDB general query log ({@code log_output=FILE}). */
  GENERAL_LOG("general-log");

  /** How much of the input {@link #detect} looks at. */
  static final int SAMPLE_CHARS = 64 * 1024;

  /** How many non-blank lines of the sample are checked for general log entries. */
  static final int SAMPLE_LOG_LINES = 50;

  private final String cliName;

  InputFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line: {@code script}, {@code lines}, {@code general-log}. */
  public String cliName() {
    return cliName;
  }

  StatementSource open(Reader reader, int maxLength) {
    return switch (this) {
      case SCRIPT -> new ScriptSplitter(reader, maxLength);
      case LINES -> new LinesSource(reader, maxLength);
      case GENERAL_LOG -> new GeneralLogSource(reader, maxLength);
    };
  }

  /**
   * Guesses the format from the first {@value #SAMPLE_CHARS} characters, then rewinds the reader.
   *
   * <ol>
   *   <li>{@link #GENERAL_LOG} when one of the first {@value #SAMPLE_LOG_LINES} non-blank lines is
   *       a general log entry or server banner line;
   *   <li>else {@link #SCRIPT} when the sample has a {@code ;} outside quotes and comments, or a
   *       {@code DELIMITER} line;
   *   <li>else {@link #SCRIPT} when the sample is one line longer than the sample (the start of a
   *       huge statement);
   *   <li>else {@link #LINES}.
   * </ol>
   */
  static InputFormat detect(BufferedReader reader) throws IOException {
    reader.mark(SAMPLE_CHARS + 1);
    char[] sample = new char[SAMPLE_CHARS];
    int n = 0;
    int r;
    while (n < sample.length && (r = reader.read(sample, n, sample.length - n)) > 0) {
      n += r;
    }
    reader.reset();
    return detect(new String(sample, 0, n));
  }

  static InputFormat detect(String sample) throws IOException {
    int checked = 0;
    for (String line : sample.split("\n", -1)) {
      if (checked >= SAMPLE_LOG_LINES) {
        break;
      }
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank()) {
        continue;
      }
      checked++;
      if (GeneralLogSource.isLogLine(l)) {
        return GENERAL_LOG;
      }
    }
    ScriptSplitter splitter = new ScriptSplitter(new StringReader(sample), SAMPLE_CHARS);
    while (splitter.next() != null) {
      if (splitter.terminatedCount() > 0 || splitter.sawDelimiterCommand()) {
        return SCRIPT;
      }
    }
    if (splitter.terminatedCount() > 0 || splitter.sawDelimiterCommand()) {
      return SCRIPT;
    }
    // A full sample without one line break is the start of one huge statement: lines would cut
    // it at its first line break, a script at its terminator.
    return sample.length() >= SAMPLE_CHARS && sample.indexOf('\n') < 0 ? SCRIPT : LINES;
  }

  /** Picocli converter for {@code --format}. */
  static final class Converter implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      for (InputFormat f : values()) {
        if (f.cliName.equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a format; use one of "
              + Arrays.stream(values())
                  .map(InputFormat::cliName)
                  .collect(Collectors.joining(", ")));
    }
  }
}
