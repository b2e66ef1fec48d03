package io.dualwrite.rewriter;

import java.text.Normalizer;

/**
 * A character-for-character fold of text that makes PostgreSQL's exact {@code strpos} find what
 * MySQL's {@code utf8mb4_0900_ai_ci} (MySQL 8's default collation, accent- and case-insensitive)
 * finds, at the same character positions: {@code translate(x, FROM, TO)} replaces each letter of
 * the Latin, Greek and Cyrillic blocks that is a base letter with combining diacritics (U+0300 to
 * U+036F) by its lower-case base letter, and each other upper-case letter there by its lower-case
 * letter ({@code 'Ü'} and {@code 'ü'} are {@code 'u'}, {@code 'Ω'} is {@code 'ω'}). One character
 * becomes one character, so positions stay those of the original text, and the fold does not depend
 * on PostgreSQL's locale (a database in the C locale lower-cases ASCII only).
 *
 * <p>Every pair was checked against MySQL 9.7.4: {@code INSTR(c, t) = 1}, {@code INSTR(t, c) = 1}
 * and {@code INSTR(CONCAT('x', c, 'y'), CONCAT(t, 'y')) = 2} under {@code utf8mb4_0900_ai_ci} for
 * all 1,014 pairs but {@code 'Й'} and {@code 'й'}, which that collation sorts as a letter of their
 * own, and which are therefore left out. What the fold does not give (see
 * docs/mysql-9.7-failures.md): letters MySQL expands or treats as another letter without a
 * canonical decomposition ({@code 'ß'} is {@code 'ss'}, {@code 'æ'} is {@code 'ae'}, {@code 'ø'} is
 * {@code 'o'}, ligatures such as {@code 'ﬁ'}), characters MySQL ignores (a combining mark written
 * on its own, a soft hyphen), and letters of other scripts.
 */
final class AccentFolding {
  private AccentFolding() {}

  private static final int[][] BLOCKS = {
    {0x00C0, 0x024F}, // Latin-1 Supplement letters, Latin Extended-A and -B
    {0x0370, 0x03FF}, // Greek and Coptic
    {0x0400, 0x04FF}, // Cyrillic
    {0x1E00, 0x1EFF}, // Latin Extended Additional
    {0x1F00, 0x1FFF} // Greek Extended
  };

  /** Letters utf8mb4_0900_ai_ci does not equate with their base letter (checked on 9.7.4). */
  private static final String OWN_LETTERS = "Йй";

  /** The letters that change, and what each becomes, position for position. */
  static final String FROM;

  static final String TO;

  static {
    StringBuilder from = new StringBuilder();
    StringBuilder to = new StringBuilder();
    for (int[] block : BLOCKS) {
      for (int c = block[0]; c <= block[1]; c++) {
        int folded = folded(c);
        if (folded != c && OWN_LETTERS.indexOf(c) < 0) {
          from.append((char) c);
          to.append((char) folded);
        }
      }
    }
    FROM = from.toString();
    TO = to.toString();
  }

  /**
   * {@code c}'s lower-case base letter when its canonical decomposition is that letter and
   * combining diacritics only, else {@code c} itself.
   */
  private static int folded(int c) {
    if (!Character.isLetter(c)) {
      return c;
    }
    String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
    int base = decomposed.charAt(0);
    for (int i = 1; i < decomposed.length(); i++) {
      char mark = decomposed.charAt(i);
      if (mark < 0x0300 || mark > 0x036F) {
        return c;
      }
    }
    int lower = Character.toLowerCase(base);
    return Character.isLetter(lower) && Character.isBmpCodePoint(lower) ? lower : c;
  }
}
