package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The token-level rewrites done before JSqlParser parses a statement: MySQL spellings it does not
 * read are respelled into ones it does, with the same meaning (CONVERT(x, type) as CAST, DELETE ...
 * USING as DELETE t FROM, DROP FOREIGN KEY as DROP CONSTRAINT, ...), and the upsert's row alias is
 * taken out and returned, to be printed as EXCLUDED.
 */
final class PreParseRewrites {

  /**
   * The text to parse, the row alias of INSERT ... AS new[(a, b)] ON DUPLICATE KEY UPDATE (null
   * when there is none; rowAliasColumns null unless it names columns), and the JSON_TABLEs taken
   * apart ({@link JsonTable#extract}; empty when none).
   */
  record Prepared(
      String sql, String rowAlias, List<String> rowAliasColumns, List<JsonTable> jsonTables) {}

  private PreParseRewrites() {}

  /**
   * Whether an INSERT takes its rows from VALUES or SET, the forms that can carry a row alias. In
   * INSERT ... SELECT ... AS x ON DUPLICATE KEY UPDATE, the AS names the SELECT's last table.
   */
  private static boolean insertsRows(Tokens tokens) {
    // after the target: INSERT [LOW_PRIORITY | DELAYED | HIGH_PRIORITY] [IGNORE] [INTO] [db.]t (a
    // table may be named value)
    int k = 1;
    while (Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO")
        .contains(tokens.word(k))) {
      k++;
    }
    k += tokens.get(k + 1).equals(".") ? 3 : 1;
    int depth = 0;
    for (; k < tokens.size() && !tokens.is(k, "ON", "DUPLICATE"); k++) {
      String word = tokens.word(k);
      if (word.equals("(")) {
        depth++;
      } else if (word.equals(")")) {
        depth--;
      } else if (depth == 0 && Set.of("VALUES", "VALUE", "SET").contains(word)) {
        return true;
      } else if (depth == 0 && Set.of("SELECT", "TABLE", "WITH").contains(word)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Rewrites a lexed statement (its tokens given) whose kind, guessed from its words, is guessed.
   */
  static Prepared prepare(String lexedSql, Tokens tokens, StatementKind guessed) {
    String toParse = lexedSql;
    // MySQL 8.0.19 row alias: INSERT ... VALUES (...) AS new ON DUPLICATE KEY UPDATE c = new.c
    String rowAlias = null;
    List<String> rowAliasColumns = null;
    if (guessed == StatementKind.UPSERT && insertsRows(tokens)) {
      for (int k = 3; k < tokens.size(); k++) {
        if (tokens.is(k, "ON", "DUPLICATE") && tokens.word(k - 2).equals("AS")) {
          rowAlias = Identifiers.normalize(tokens.get(k - 1));
          toParse = toParse.substring(0, tokens.start(k - 2)) + toParse.substring(tokens.start(k));
          break;
        }
        if (tokens.is(k, "ON", "DUPLICATE") && tokens.get(k - 1).equals(")")) {
          for (int j = k - 2; j > 2; j--) {
            if (tokens.get(j).equals("(") && tokens.word(j - 2).equals("AS")) {
              // AS new(a, b): new.a means the inserted value of the first inserted column
              rowAlias = Identifiers.normalize(tokens.get(j - 1));
              rowAliasColumns = new ArrayList<>();
              for (int c = j + 1; c < k - 1; c++) {
                if ((c - j) % 2 == 1) {
                  rowAliasColumns.add(Identifiers.normalize(tokens.get(c)));
                } else if (!tokens.get(c).equals(",")) {
                  throw RefusedException.syntax(
                      "row-alias-columns", "Unsupported row alias column list.");
                }
              }
              toParse =
                  toParse.substring(0, tokens.start(j - 2)) + toParse.substring(tokens.start(k));
              break;
            }
            if (tokens.get(j).equals(")") || tokens.word(j).equals("VALUES")) {
              break;
            }
          }
          if (rowAlias != null) {
            break;
          }
        }
      }
    }
    String withoutHintScope = indexHintScopes(toParse, tokens);
    if (withoutHintScope != null) {
      toParse = withoutHintScope;
      tokens = Tokens.of(toParse);
    }
    if (tokens.is(0, "DELETE")) {
      String multiTable = deleteUsing(toParse, tokens);
      if (multiTable != null) {
        toParse = multiTable;
        tokens = Tokens.of(toParse);
      }
    }
    if (rowAlias == null) {
      toParse = convertToCast(toParse, tokens);
    }
    if (!tokens.is(0, "CREATE") && !tokens.is(0, "ALTER")) {
      toParse = binaryOperator(toParse, Tokens.of(toParse));
      toParse = jsonArrows(toParse, Tokens.of(toParse));
    }
    if (tokens.is(0, "CREATE") || tokens.is(0, "ALTER")) {
      String named = anonymousConstraints(toParse, Tokens.of(toParse));
      if (named != null) {
        toParse = named;
        tokens = Tokens.of(toParse);
      }
    }
    if (tokens.is(0, "CREATE")) {
      toParse = stripViewOptions(toParse);
      String moved = fulltextLast(toParse);
      if (moved != null) {
        toParse = moved;
      }
    }
    if (tokens.is(0, "ALTER")) {
      toParse = dropForeignKey(toParse);
    }
    List<JsonTable> jsonTables = List.of();
    if (!tokens.is(0, "CREATE") && !tokens.is(0, "ALTER")) {
      JsonTable.Extracted extracted = JsonTable.extract(toParse, Tokens.of(toParse));
      if (extracted != null) {
        toParse = extracted.sql();
        jsonTables = extracted.tables();
      }
    }
    return new Prepared(toParse, rowAlias, rowAliasColumns, jsonTables);
  }

  /**
   * {@code CONSTRAINT PRIMARY KEY (...)}: MySQL lets the symbol after CONSTRAINT out (Flyway's
   * MariaDB support writes its history table so), JSqlParser does not read it. A CONSTRAINT without
   * a symbol names nothing, so the word is removed. Null when there is none.
   */
  static String anonymousConstraints(String sql, Tokens t) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.word(i).equals("CONSTRAINT")
          && (t.is(i + 1, "PRIMARY", "KEY")
              || t.word(i + 1).equals("UNIQUE")
              || t.is(i + 1, "FOREIGN", "KEY")
              || t.word(i + 1).equals("CHECK"))) {
        if (out == null) {
          out = new StringBuilder(sql.length());
        }
        out.append(sql, copied, t.start(i));
        copied = t.start(i + 1);
      }
    }
    return out == null ? null : out.append(sql, copied, sql.length()).toString();
  }

  /**
   * USE/FORCE/IGNORE INDEX FOR JOIN|ORDER BY|GROUP BY (...): JSqlParser does not read the FOR
   * scope; index hints are dropped from the translation anyway (they only steer MySQL's planner),
   * so the scope is removed before parsing. Null when there is none.
   */
  static String indexHintScopes(String sql, Tokens t) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 2; i + 1 < t.size(); i++) {
      if (!t.word(i).equals("FOR")
          || !(t.word(i - 1).equals("INDEX") || t.word(i - 1).equals("KEY"))
          || !Set.of("USE", "FORCE", "IGNORE").contains(t.word(i - 2))) {
        continue;
      }
      int end;
      if (t.word(i + 1).equals("JOIN")) {
        end = i + 2;
      } else if ((t.word(i + 1).equals("ORDER") || t.word(i + 1).equals("GROUP"))
          && t.word(i + 2).equals("BY")) {
        end = i + 3;
      } else {
        continue;
      }
      if (end >= t.size() || !t.get(end).equals("(")) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(sql, copied, t.start(i));
      copied = t.start(end);
    }
    if (out == null) {
      return null;
    }
    out.append(sql.substring(copied));
    return out.toString();
  }

  /**
   * DELETE FROM t USING t JOIN ... WHERE ...: MySQL's other spelling of DELETE t FROM t JOIN ...
   * WHERE ... (JSqlParser reads only a table list after USING). Null when the statement is not that
   * form.
   */
  static String deleteUsing(String sql, Tokens t) {
    int k = 1;
    while (Set.of("LOW_PRIORITY", "QUICK", "IGNORE").contains(t.word(k))) {
      k++;
    }
    if (!t.word(k).equals("FROM")) {
      return null;
    }
    for (int j = k + 1; j < t.size(); j++) {
      if (t.word(j).equals("USING")) {
        return j == k + 1
            ? null
            : sql.substring(0, t.start(k))
                + sql.substring(t.start(k + 1), t.start(j))
                + " FROM "
                + sql.substring(t.start(j + 1));
      }
      String tok = t.get(j);
      boolean namePart =
          tok.equals(",")
              || tok.equals(".")
              || tok.equals("*")
              || tok.startsWith("`")
              || tok.matches("[A-Za-z0-9_$]+");
      if (!namePart || Set.of("WHERE", "ORDER", "LIMIT", "AS").contains(t.word(j))) {
        return null;
      }
    }
    return null;
  }

  /**
   * CREATE TABLE with a FULLTEXT/SPATIAL key followed by other keys: JSqlParser 5.3 keeps the
   * FULLTEXT keyword for every later key definition (UNIQUE KEY u (x) reads as "UNIQUE FULLTEXT
   * KEY", KEY k (x) as "FULLTEXT KEY"). The order of key definitions means nothing, so those
   * definitions are moved to the end of the list before parsing. Null when nothing moves.
   */
  static String fulltextLast(String sql) {
    Tokens t = Tokens.of(sql);
    int open = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).equals("(")) {
        if (i > 0
            && t.is(0, "CREATE")
            && sql.substring(0, t.start(i)).toUpperCase(java.util.Locale.ROOT).contains("TABLE")) {
          open = i;
        }
        break;
      }
    }
    if (open < 0) {
      return null;
    }
    List<int[]> elements = new java.util.ArrayList<>();
    int depth = 0;
    int elementStart = open + 1;
    int close = -1;
    for (int i = open; i < t.size(); i++) {
      String tok = t.get(i);
      if (tok.equals("(")) {
        depth++;
      } else if (tok.equals(")")) {
        depth--;
        if (depth == 0) {
          elements.add(new int[] {elementStart, i});
          close = i;
          break;
        }
      } else if (tok.equals(",") && depth == 1) {
        elements.add(new int[] {elementStart, i});
        elementStart = i + 1;
      }
    }
    if (close < 0) {
      return null;
    }
    List<String> others = new java.util.ArrayList<>();
    List<String> fulltext = new java.util.ArrayList<>();
    boolean otherAfterFulltext = false;
    for (int[] e : elements) {
      if (e[0] >= e[1]) {
        return null;
      }
      String text = sql.substring(t.start(e[0]), t.start(e[1])).trim();
      if (t.is(e[0], "FULLTEXT") || t.is(e[0], "SPATIAL")) {
        fulltext.add(text);
      } else {
        others.add(text);
        otherAfterFulltext |= !fulltext.isEmpty();
      }
    }
    if (!otherAfterFulltext) {
      return null;
    }
    List<String> all = new java.util.ArrayList<>(others);
    all.addAll(fulltext);
    return sql.substring(0, t.start(open) + 1)
        + String.join(", ", all)
        + sql.substring(t.start(close));
  }

  /**
   * ALTER TABLE ... DROP FOREIGN KEY fk: JSqlParser does not read it; it is MySQL's spelling of
   * DROP CONSTRAINT fk (MySQL 8.0.19+ accepts both; the PostgreSQL key has the same name).
   */
  static String dropForeignKey(String sql) {
    Tokens t = Tokens.of(sql);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i + 2 < t.size(); i++) {
      if (t.is(i, "DROP", "FOREIGN", "KEY")) {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(sql, copied, t.start(i + 1)).append("CONSTRAINT ");
        copied = t.start(i + 3);
      }
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql.substring(copied)).toString();
  }

  /**
   * CREATE [OR REPLACE] [ALGORITHM = x] [DEFINER = user] [SQL SECURITY x] VIEW: the options have no
   * PostgreSQL meaning (a PostgreSQL view runs with its owner's rights, as SQL SECURITY DEFINER)
   * and JSqlParser does not read all of them, so they are cut out at token level. Anything else
   * between CREATE and VIEW leaves the text unchanged.
   */
  static String stripViewOptions(String sql) {
    Tokens t = Tokens.of(sql);
    int i = t.is(1, "OR", "REPLACE") ? 3 : 1;
    int first = i;
    boolean any = false;
    while (i < t.size() && !t.is(i, "VIEW")) {
      if (t.is(i, "ALGORITHM") && t.get(i + 1).equals("=")) {
        i += 3;
      } else if (t.is(i, "SQL", "SECURITY")) {
        i += 3;
      } else if (t.is(i, "DEFINER") && t.get(i + 1).equals("=")) {
        i += 3;
        if (t.get(i - 1).endsWith("@") && t.get(i - 1).length() > 1) {
          i += 1; // root@'%'
        } else if (t.get(i).equals("@")) {
          i += 2; // `user`@`host`, 'user'@'host'
        } else if (t.get(i).startsWith("@")) {
          i += 1; // user@`host`: the lexer joins '@host' when unquoted
        } else if (t.get(i).equals("(") && t.get(i + 1).equals(")")) {
          i += 2; // CURRENT_USER()
        }
      } else {
        return sql;
      }
      any = true;
    }
    if (!any || !t.is(i, "VIEW")) {
      return sql;
    }
    return sql.substring(0, t.start(first)) + sql.substring(t.start(i));
  }

  private static final Set<String> CONVERT_TYPES =
      Set.of(
          "SIGNED",
          "UNSIGNED",
          "CHAR",
          "NCHAR",
          "DECIMAL",
          "DEC",
          "NUMERIC",
          "DATE",
          "DATETIME",
          "TIME",
          "BINARY",
          "DOUBLE",
          "FLOAT",
          "REAL",
          "JSON",
          "INTEGER",
          "INT");

  /**
   * MySQL's CONVERT(expr, type) is CAST(expr AS type); JSqlParser reads only the CAST spelling, so
   * the tokens are respelled (innermost last, keeping earlier offsets valid).
   */
  static String convertToCast(String sql, Tokens t) {
    List<int[]> edits = new ArrayList<>(); // {convertToken, commaToken}
    for (int i = 0; i + 1 < t.size(); i++) {
      if (!t.word(i).equals("CONVERT") || !t.get(i + 1).equals("(")) {
        continue;
      }
      int depth = 0;
      for (int j = i + 1; j < t.size(); j++) {
        String tok = t.get(j);
        if (tok.equals("(")) {
          depth++;
        } else if (tok.equals(")")) {
          if (--depth == 0) {
            break;
          }
        } else if (tok.equals(",") && depth == 1) {
          if (CONVERT_TYPES.contains(t.word(j + 1))) {
            edits.add(new int[] {i, j});
          }
          break;
        }
      }
    }
    if (edits.isEmpty()) {
      return sql;
    }
    StringBuilder b = new StringBuilder(sql);
    for (int k = edits.size() - 1; k >= 0; k--) {
      int comma = t.start(edits.get(k)[1]);
      b.replace(comma, comma + 1, " AS ");
      int convert = t.start(edits.get(k)[0]);
      b.replace(convert, convert + "CONVERT".length(), "CAST");
    }
    return b.toString();
  }

  /** Words before which BINARY is a type or a character set, not the operator. */
  private static final Set<String> NOT_BINARY_OPERATOR = Set.of("AS", "SET", "CHARSET", "COLLATE");

  /**
   * MySQL's operator {@code BINARY x} before a column, a qualified column or a function call:
   * JSqlParser reads it before a string literal only, so it is respelled as CAST(x AS BINARY),
   * which MySQL defines it to be. Null-safe: the text is returned unchanged when there is none.
   */
  static String binaryOperator(String sql, Tokens t) {
    List<int[]> edits = new ArrayList<>(); // {binaryToken, lastOperandToken}
    for (int i = 0; i + 1 < t.size(); i++) {
      if (!t.word(i).equals("BINARY") || (i > 0 && NOT_BINARY_OPERATOR.contains(t.word(i - 1)))) {
        continue;
      }
      int j = i + 1;
      if (!isName(t.get(j))) {
        continue;
      }
      while (t.get(j + 1).equals(".") && isName(t.get(j + 2))) {
        j += 2;
      }
      if (t.get(j + 1).equals("(")) {
        int depth = 0;
        int k = j + 1;
        for (; k < t.size(); k++) {
          if (t.get(k).equals("(")) {
            depth++;
          } else if (t.get(k).equals(")") && --depth == 0) {
            break;
          }
        }
        if (k >= t.size()) {
          continue;
        }
        j = k;
      }
      edits.add(new int[] {i, j});
      i = j;
    }
    if (edits.isEmpty()) {
      return sql;
    }
    StringBuilder b = new StringBuilder(sql);
    for (int k = edits.size() - 1; k >= 0; k--) {
      int last = edits.get(k)[1];
      int end = t.start(last) + t.get(last).length();
      b.insert(end, " AS BINARY)");
      int at = t.start(edits.get(k)[0]);
      b.replace(at, at + "BINARY".length(), "CAST(");
    }
    return b.toString();
  }

  /** Operators after which a column's {@code ->}/{@code ->>} path must be kept whole. */
  private static final Set<String> ARITHMETIC = Set.of("*", "/", "%", "+", "-", "|", "DIV", "MOD");

  /**
   * {@code col->>'$.v' * 2}: MySQL's {@code ->} and {@code ->>} take a column and a path literal
   * and bind tighter than any operator, while JSqlParser reads {@code col ->> ('$.v' * 2)}. Such a
   * column path followed by an arithmetic operator is put in parentheses, as MySQL reads it.
   * Null-safe: the text is returned unchanged when there is none.
   */
  static String jsonArrows(String sql, Tokens t) {
    List<int[]> edits = new ArrayList<>(); // {columnToken, pathToken}
    for (int i = 0; i + 3 < t.size(); i++) {
      if (!isQualifiedName(t.get(i)) || !t.get(i + 1).equals("-") || !t.get(i + 2).equals(">")) {
        continue;
      }
      int column = i; // back over `t`.`col`: quoted parts are tokens of their own
      while (column >= 2 && t.get(column - 1).equals(".") && isName(t.get(column - 2))) {
        column -= 2;
      }
      int path = i + 3;
      if (t.get(path).equals(">") && t.start(path) == t.start(i + 2) + 1) {
        path++;
      }
      if (t.start(i + 2) != t.start(i + 1) + 1 || !t.get(path).startsWith("'")) {
        continue;
      }
      if (ARITHMETIC.contains(t.word(path + 1))) {
        edits.add(new int[] {column, path});
      }
      i = path;
    }
    if (edits.isEmpty()) {
      return sql;
    }
    StringBuilder b = new StringBuilder(sql);
    for (int k = edits.size() - 1; k >= 0; k--) {
      int last = edits.get(k)[1];
      b.insert(t.start(last) + t.get(last).length(), ")");
      b.insert(t.start(edits.get(k)[0]), "(");
    }
    return b.toString();
  }

  /** A name token, or names joined by dots in one word token ({@code t.doc}). */
  private static boolean isQualifiedName(String token) {
    if (token.startsWith("`")) {
      return true;
    }
    for (String part : token.split("\\.", -1)) {
      if (!isName(part)) {
        return false;
      }
    }
    return true;
  }

  /** An identifier token: a word starting with a letter or underscore, or a quoted one. */
  private static boolean isName(String token) {
    if (token.startsWith("`")) {
      return true;
    }
    return !token.isEmpty()
        && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_')
        && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '$');
  }

  /**
   * A plain INSERT ... VALUES (...), (...), ...: its text up to and including "VALUES ", and the
   * start and end offsets of each row. Null when the statement is not only rows (ON DUPLICATE KEY
   * UPDATE, RETURNING, ... follow).
   */
  record ExtendedInsert(String head, List<int[]> rows) {}

  static ExtendedInsert extendedInsert(String normalized) {
    Tokens t = Tokens.of(normalized);
    int v = -1;
    int depth = 0;
    for (int k = 0; k < t.size(); k++) {
      String tok = t.get(k);
      if (tok.equals("(")) {
        depth++;
      } else if (tok.equals(")")) {
        depth--;
      } else if (depth == 0 && (t.is(k, "VALUES") || t.is(k, "VALUE"))) {
        v = k;
        break;
      }
    }
    if (v < 0 || !t.get(v + 1).equals("(")) {
      return null;
    }
    List<int[]> rows = new java.util.ArrayList<>();
    int k = v + 1;
    while (k < t.size()) {
      if (!t.get(k).equals("(")) {
        return null;
      }
      int start = t.start(k);
      depth = 0;
      int end = -1;
      for (; k < t.size(); k++) {
        String tok = t.get(k);
        if (tok.equals("(")) {
          depth++;
        } else if (tok.equals(")") && --depth == 0) {
          end = t.start(k) + 1;
          k++;
          break;
        }
      }
      if (end < 0) {
        return null;
      }
      rows.add(new int[] {start, end});
      if (k < t.size()) {
        if (!t.get(k).equals(",")) {
          return null; // ON DUPLICATE KEY UPDATE, RETURNING, ...: translate whole
        }
        k++;
        if (k >= t.size()) {
          return null;
        }
      }
    }
    return new ExtendedInsert(normalized.substring(0, t.start(v)) + "VALUES ", rows);
  }
}
