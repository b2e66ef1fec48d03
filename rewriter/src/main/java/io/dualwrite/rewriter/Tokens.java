package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits normalized SQL (see {@link MysqlLexer}) into words, quoted identifiers, canonical string
 * literals and single punctuation characters, for the statements classified without the parser
 * (session and transaction control, routines, DROP TABLE lists).
 */
final class Tokens {
  private final List<String> tokens;
  private final List<Integer> starts;

  private Tokens(List<String> tokens, List<Integer> starts) {
    this.tokens = tokens;
    this.starts = starts;
  }

  /** Where token i starts in the normalized text. */
  int start(int i) {
    return starts.get(i);
  }

  static Tokens of(String normalized) {
    List<String> list = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < n) {
          char d = normalized.charAt(j);
          if (d == '\\') {
            j += 2;
            continue;
          }
          if (d == '\'') {
            if (j + 1 < n && normalized.charAt(j + 1) == '\'') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        starts.add(i);
        list.add(normalized.substring(i, Math.min(j + 1, n)));
        i = j + 1;
      } else if (c == '`') {
        int j = normalized.indexOf('`', i + 1);
        j = j < 0 ? n - 1 : j;
        starts.add(i);
        list.add(normalized.substring(i, j + 1));
        i = j + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@') {
        int j = i + 1;
        while (j < n
            && (Character.isLetterOrDigit(normalized.charAt(j))
                || normalized.charAt(j) == '_'
                || normalized.charAt(j) == '$'
                || normalized.charAt(j) == '@'
                || normalized.charAt(j) == '.')) {
          j++;
        }
        starts.add(i);
        list.add(normalized.substring(i, j));
        i = j;
      } else {
        starts.add(i);
        list.add(String.valueOf(c));
        i++;
      }
    }
    while (!list.isEmpty() && list.get(list.size() - 1).equals(";")) {
      list.remove(list.size() - 1);
      starts.remove(starts.size() - 1);
    }
    return new Tokens(list, starts);
  }

  /** A new token list: {@code prefix} (at offset 0) followed by tokens [from, to). */
  Tokens slice(String prefix, int from, int to) {
    List<String> t = new ArrayList<>();
    List<Integer> st = new ArrayList<>();
    t.add(prefix);
    st.add(0);
    t.addAll(tokens.subList(from, to));
    st.addAll(starts.subList(from, to));
    return new Tokens(t, st);
  }

  int size() {
    return tokens.size();
  }

  String get(int i) {
    return i < tokens.size() ? tokens.get(i) : "";
  }

  /** Upper-cased word at i ("" past the end). */
  String word(int i) {
    return get(i).toUpperCase(Locale.ROOT);
  }

  boolean is(int i, String... words) {
    for (int k = 0; k < words.length; k++) {
      if (!word(i + k).equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  /** The tokens from i joined by single spaces. */
  String from(int i) {
    return String.join(" ", tokens.subList(Math.min(i, tokens.size()), tokens.size()));
  }

  /** The value of a canonical string literal token, or null. */
  static String stringValue(String token) {
    if (token.length() >= 2 && token.startsWith("'") && token.endsWith("'")) {
      return MysqlLexer.decodeCanonical(token.substring(1, token.length() - 1));
    }
    return null;
  }
}
