package io.dualwrite.admin.translate;

/**
 * One statement read from the input.
 *
 * @param text the statement without its delimiter and surrounding whitespace (comments removed in
 *     scripts, except {@code /*!...*}{@code /} and {@code /*+...*}{@code /}, which MySQL executes);
 *     only the first {@code maxLength} characters when {@link #truncated()}
 * @param line the 1-based input line on which the statement starts
 * @param length the statement's full length in characters
 * @param truncated true when the statement is longer than the reader's limit, so {@code text} is
 *     only its beginning and the statement cannot be translated
 */
public record SourceStatement(String text, long line, long length, boolean truncated) {}
