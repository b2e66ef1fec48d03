package io.dualwrite.rewriter;

import java.util.Locale;
import java.util.Set;

/**
 * What a MySQL session's {@code sql_mode} means for reading and translating its statements.
 *
 * <p>Three modes change how MySQL reads SQL text, and the rewriter follows each:
 *
 * <ul>
 *   <li>{@code NO_BACKSLASH_ESCAPES}: backslash is an ordinary character in string literals ({@code
 *       'p\'} is a complete literal) and {@code LIKE} has no default escape character;
 *   <li>{@code ANSI_QUOTES}: {@code "x"} is an identifier, not a string;
 *   <li>{@code PIPES_AS_CONCAT}: {@code ||} is string concatenation (binding tighter than every
 *       binary operator), not {@code OR}.
 * </ul>
 *
 * <p>{@code REAL_AS_FLOAT} is followed by refusing statements that name the {@code REAL} type. The
 * modes that only make MySQL stricter or change what {@code SHOW} prints ({@code STRICT_*}, {@code
 * ONLY_FULL_GROUP_BY}, {@code NO_ZERO_DATE}, {@code IGNORE_SPACE}, ...) change nothing here. Every
 * other mode ({@code HIGH_NOT_PRECEDENCE}, {@code NO_AUTO_VALUE_ON_ZERO}, {@code
 * PAD_CHAR_TO_FULL_LENGTH}, MariaDB's {@code ORACLE} or {@code EMPTY_STRING_IS_NULL}, an unknown
 * name, ...) is {@linkplain #unsupported() unsupported}: the rewriter refuses every statement but
 * session control under it, so writes run on MySQL only and are recorded, never translated under
 * the wrong rules.
 *
 * <p>Immutable; equal modes translate equally (a translation cache key).
 */
public final class SqlMode {

  /** The modes that change nothing the rewriter translates. */
  private static final Set<String> NEUTRAL =
      Set.of(
          "",
          "STRICT_TRANS_TABLES",
          "STRICT_ALL_TABLES",
          "ONLY_FULL_GROUP_BY",
          "ERROR_FOR_DIVISION_BY_ZERO",
          "NO_ZERO_DATE",
          "NO_ZERO_IN_DATE",
          "NO_ENGINE_SUBSTITUTION",
          "NO_AUTO_CREATE_USER",
          "NO_DIR_IN_CREATE",
          "NO_FIELD_OPTIONS",
          "NO_KEY_OPTIONS",
          "NO_TABLE_OPTIONS",
          "IGNORE_SPACE",
          "TRADITIONAL",
          "ANSI");

  /** The server default (no lexical mode set). */
  public static final SqlMode DEFAULT = new SqlMode(false, false, false, false, null);

  private final boolean noBackslashEscapes;
  private final boolean ansiQuotes;
  private final boolean pipesAsConcat;
  private final boolean realAsFloat;
  private final String unsupported;

  private SqlMode(
      boolean noBackslashEscapes,
      boolean ansiQuotes,
      boolean pipesAsConcat,
      boolean realAsFloat,
      String unsupported) {
    this.noBackslashEscapes = noBackslashEscapes;
    this.ansiQuotes = ansiQuotes;
    this.pipesAsConcat = pipesAsConcat;
    this.realAsFloat = realAsFloat;
    this.unsupported = unsupported;
  }

  /**
   * The mode a {@code sql_mode} value names: MySQL's comma-separated list, as {@code
   * SELECT @@SESSION.sql_mode} returns it ({@code ANSI} and {@code TRADITIONAL} also as the modes
   * they stand for). Null means unknown, which is unsupported.
   */
  public static SqlMode of(String value) {
    if (value == null) {
      return unknown("the session's sql_mode is not known");
    }
    boolean nbe = false;
    boolean ansiQuotes = false;
    boolean pipes = false;
    boolean realAsFloat = false;
    String unsupported = null;
    for (String part : value.split(",", -1)) {
      String mode = part.trim().toUpperCase(Locale.ROOT);
      switch (mode) {
        case "NO_BACKSLASH_ESCAPES" -> nbe = true;
        case "ANSI_QUOTES" -> ansiQuotes = true;
        case "PIPES_AS_CONCAT" -> pipes = true;
        case "REAL_AS_FLOAT" -> realAsFloat = true;
        default -> {
          if (!NEUTRAL.contains(mode) && unsupported == null) {
            unsupported = mode.length() > 64 ? mode.substring(0, 64) : mode;
          }
        }
      }
      if (mode.equals("ANSI")) {
        ansiQuotes = true;
        pipes = true;
        realAsFloat = true;
      }
    }
    if (!nbe && !ansiQuotes && !pipes && !realAsFloat && unsupported == null) {
      return DEFAULT;
    }
    return new SqlMode(nbe, ansiQuotes, pipes, realAsFloat, unsupported);
  }

  /** A mode the driver could not learn (e.g. set from an expression while MySQL is not open). */
  public static SqlMode unknown(String why) {
    return new SqlMode(false, false, false, false, "UNKNOWN (" + why + ")");
  }

  /** Backslash is an ordinary character in string literals. */
  public boolean noBackslashEscapes() {
    return noBackslashEscapes;
  }

  /** Double quotes delimit identifiers. */
  public boolean ansiQuotes() {
    return ansiQuotes;
  }

  /** {@code ||} concatenates. */
  public boolean pipesAsConcat() {
    return pipesAsConcat;
  }

  /** {@code REAL} is {@code FLOAT}, not {@code DOUBLE}. */
  public boolean realAsFloat() {
    return realAsFloat;
  }

  /** The first mode the rewriter cannot translate under, or null when it can. */
  public String unsupported() {
    return unsupported;
  }

  /** Whether this is the server default as far as the rewriter is concerned. */
  public boolean isDefault() {
    return this.equals(DEFAULT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlMode m
        && m.noBackslashEscapes == noBackslashEscapes
        && m.ansiQuotes == ansiQuotes
        && m.pipesAsConcat == pipesAsConcat
        && m.realAsFloat == realAsFloat
        && java.util.Objects.equals(m.unsupported, unsupported);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        noBackslashEscapes, ansiQuotes, pipesAsConcat, realAsFloat, unsupported);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("SqlMode[");
    if (noBackslashEscapes) {
      b.append("NO_BACKSLASH_ESCAPES ");
    }
    if (ansiQuotes) {
      b.append("ANSI_QUOTES ");
    }
    if (pipesAsConcat) {
      b.append("PIPES_AS_CONCAT ");
    }
    if (realAsFloat) {
      b.append("REAL_AS_FLOAT ");
    }
    if (unsupported != null) {
      b.append("unsupported=").append(unsupported);
    }
    return b.toString().trim() + "]";
  }
}
