package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * A MySQL JSON path of single-value steps ({@code $.a}, {@code $."a b"}, {@code $[2]}, {@code
 * $[last]}, {@code $[last - 1]}) printed as a PostgreSQL jsonb expression with MySQL's results:
 *
 * <ul>
 *   <li>A member step finds a member of an object only: {@code $.a} of an array is NULL, and so is
 *       {@code $."1"} of an array ({@code #> '{1}'} would take its element 1), so a member whose
 *       name reads as an integer is looked up with {@code -> 'name'}, which never indexes.
 *   <li>An array step wraps a value that is not an array (an object, a scalar, JSON null) into a
 *       one-element array first: {@code $[0]} and {@code $[last]} of {@code {"a": 1}} are the
 *       object itself, {@code $[1]} is NULL. {@code #> '{0}'} would look for a member named "0";
 *       PostgreSQL's jsonpath in lax mode wraps the same way, so an array step is {@code
 *       jsonb_path_query_first(v, 'lax $[n]')} (out of range: no item, NULL).
 *   <li>Unquoting ({@code ->>}, {@code JSON_UNQUOTE}) gives a string's text, any other value's JSON
 *       text, and {@code 'null'} for JSON null (PostgreSQL's {@code #>>} gives SQL NULL there).
 * </ul>
 *
 * Wildcards ({@code .*}, {@code [*]}, {@code **}) and ranges ({@code [1 to 3]}) select several
 * values, which MySQL returns wrapped in an array in its own order: refused by name.
 */
final class MysqlJsonPath {
  /** A member name, or an array position: {@code index} from the start, or from the end. */
  private record Step(String member, long index, boolean fromEnd) {
    boolean isMember() {
      return member != null;
    }
  }

  private final String text;
  private final List<Step> steps;

  private MysqlJsonPath(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  /** Parses a path literal; refuses, naming {@code function}, what is not a single-value path. */
  static MysqlJsonPath parse(String function, StringValue literal) {
    String path = MysqlLexer.decodeCanonical(literal.getValue()).strip();
    if (!path.startsWith("$")) {
      throw RefusedException.function(function, "Invalid JSON path " + path + ".");
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '.') {
        i = member(function, path, i + 1, steps);
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw RefusedException.function(function, "Invalid JSON path " + path + ".");
        }
        steps.add(position(function, path, path.substring(i + 1, close)));
        i = close + 1;
      } else if (c == '*') {
        throw several(function, path, "**");
      } else {
        throw RefusedException.function(function, "Invalid JSON path " + path + ".");
      }
    }
    return new MysqlJsonPath(path, steps);
  }

  private static int member(String function, String path, int start, List<Step> steps) {
    if (start < path.length() && path.charAt(start) == '"') {
      StringBuilder name = new StringBuilder();
      int j = start + 1;
      while (j < path.length() && path.charAt(j) != '"') {
        if (path.charAt(j) == '\\' && j + 1 < path.length()) {
          j++;
        }
        name.append(path.charAt(j));
        j++;
      }
      if (j >= path.length()) {
        throw RefusedException.function(function, "Invalid JSON path " + path + ".");
      }
      steps.add(new Step(name.toString(), 0, false));
      return j + 1;
    }
    int j = start;
    while (j < path.length()
        && path.charAt(j) != '.'
        && path.charAt(j) != '['
        && !Character.isWhitespace(path.charAt(j))) {
      j++;
    }
    String name = path.substring(start, j);
    if (name.contains("*")) {
      throw several(function, path, ".*");
    }
    if (name.isEmpty() || !isIdentifier(name)) {
      throw RefusedException.function(function, "Invalid JSON path " + path + ".");
    }
    steps.add(new Step(name, 0, false));
    return j;
  }

  /** MySQL's unquoted member names: ECMAScript identifiers (letters, digits, _ and $). */
  private static boolean isIdentifier(String name) {
    if (Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      char ch = name.charAt(k);
      if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '$')) {
        return false;
      }
    }
    return true;
  }

  private static Step position(String function, String path, String inside) {
    String p = inside.strip();
    if (p.equals("*")) {
      throw several(function, path, "[*]");
    }
    if (p.contains(" to ") || p.contains("\tto") || p.matches(".*\\sto\\s.*")) {
      throw several(function, path, "a range");
    }
    if (p.matches("[0-9]{1,9}")) {
      return new Step(null, Long.parseLong(p), false);
    }
    if (p.matches("last(\\s*-\\s*[0-9]{1,9})?")) {
      String n = p.substring(4).replace("-", "").strip();
      return new Step(null, n.isEmpty() ? 0 : Long.parseLong(n), true);
    }
    throw RefusedException.function(function, "Invalid JSON path " + path + ".");
  }

  private static RefusedException several(String function, String path, String what) {
    return RefusedException.function(
        function,
        "The JSON path "
            + path
            + " uses "
            + what
            + ", which selects several values (returned as an array in MySQL's order): not"
            + " translated.");
  }

  /** The path's member names when it has no array step (for JSON_SET); null otherwise. */
  List<String> membersOnly() {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      if (!s.isMember()) {
        return null;
      }
      out.add(s.member());
    }
    return out;
  }

  String text() {
    return text;
  }

  /**
   * Prints the value at this path in {@code doc} as jsonb, or with {@code unquote} as MySQL's
   * unquoted text. {@code doc} is printed once, or twice when unquoting (so it must be repeatable).
   */
  void print(PgExpressionDeParser d, Expression doc, boolean unquote) {
    if (unquote) {
      Functions.repeatable("JSON_UNQUOTE", doc);
      d.a("(CASE WHEN jsonb_typeof(");
      printValue(d, doc);
      d.a(") = 'null' THEN 'null' ELSE ");
      printValue(d, doc);
      d.a(" #>> '{}' END)");
    } else {
      printValue(d, doc);
    }
  }

  /**
   * E.g. {@code $.a[0].b[last]}: {@code jsonb_path_query_first(jsonb_path_query_first(doc #> '{a}',
   * 'lax $[0]') #> '{b}', 'lax $[last]')}: one call opened per array step, then the document, then
   * each step's suffix in order (an array step's suffix closes its call).
   */
  private void printValue(PgExpressionDeParser d, Expression doc) {
    StringBuilder suffix = new StringBuilder();
    int calls = 0;
    List<String> members = new ArrayList<>();
    for (Step s : steps) {
      if (s.isMember()) {
        members.add(s.member());
        continue;
      }
      suffix.append(membersSuffix(members));
      members.clear();
      calls++;
      suffix
          .append(", 'lax $[")
          .append(s.fromEnd() ? (s.index() == 0 ? "last" : "last - " + s.index()) : s.index())
          .append("]')");
    }
    suffix.append(membersSuffix(members));
    d.a("(").a("jsonb_path_query_first(".repeat(calls));
    JsonFunctions.jsonDoc(d, doc);
    d.a(suffix.toString()).a(")");
  }

  /**
   * Member steps as {@code #> '{a,b}'}; a name that reads as an integer as {@code -> 'name'} (on an
   * array, {@code #>} would take it as a position).
   */
  private static String membersSuffix(List<String> members) {
    StringBuilder b = new StringBuilder();
    List<String> run = new ArrayList<>();
    for (String m : members) {
      if (m.matches("-?[0-9]+")) {
        if (!run.isEmpty()) {
          b.append(" #> ").append(JsonFunctions.pgPath(run));
          run.clear();
        }
        b.append(" -> '").append(m).append("'");
      } else {
        run.add(m);
      }
    }
    if (!run.isEmpty()) {
      b.append(" #> ").append(JsonFunctions.pgPath(run));
    }
    return b.toString();
  }
}
