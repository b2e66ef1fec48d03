package io.dualwrite.driver.discrepancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A statement's fingerprint: the same for every execution of a statement shape, whatever its
 * literal values, so a hot statement that mismatches on every call aggregates under one key. String
 * and numeric literals become {@code ?}, whitespace runs become one space, and text outside quoted
 * identifiers is lower-cased; the result is hashed to 16 hex digits.
 */
public final class Fingerprints {
  private Fingerprints() {}

  public static String of(String sql) {
    return hash(normalize(sql == null ? null : SafeText.masked(sql)));
  }

  /**
   * The normalised text (literals as {@code ?}, lower case, single spaces), for structure checks.
   */
  public static String normalizeForComparison(String sql) {
    return normalize(sql);
  }

  static String normalize(String sql) {
    if (sql == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(sql.length());
    int n = sql.length();
    boolean space = false;
    for (int i = 0; i < n; ) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        i++;
        continue;
      }
      if (space && b.length() > 0) {
        b.append(' ');
      }
      space = false;
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
        b.append('?');
      } else if (c == '`') {
        int end = skipQuoted(sql, i, c);
        b.append(sql, i, end);
        i = end;
      } else if (Character.isDigit(c) && !endsWithIdentifierChar(b)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        b.append('?');
      } else {
        b.append(Character.toLowerCase(c));
        i++;
      }
    }
    return b.toString();
  }

  private static boolean endsWithIdentifierChar(StringBuilder b) {
    if (b.length() == 0) {
      return false;
    }
    char last = b.charAt(b.length() - 1);
    return Character.isLetterOrDigit(last) || last == '_' || last == '$';
  }

  /** Index just past the literal opened by {@code quote} at {@code start}. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static String hash(String normalized) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
