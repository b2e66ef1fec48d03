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
 * values, which JSON_EXTRACT and the arrows return as an array in document order, or NULL when none
 * is found ({@link #parseAllowingSeveral}). From the first such step on, each step is one {@code
 * jsonb_path_query} per value, in the mode that gives MySQL's result: {@code strict} for members
 * and wildcards (no match on a value of another type: {@code $[*]} of an object is nothing, and
 * {@code lax} would unwrap arrays), {@code lax} for positions and ranges (they wrap a value that is
 * not an array, and clip to the array's bounds), {@code strict $.**} for {@code **} (the value
 * itself and every value inside it, before its children, as MySQL visits them). The query is
 * silent, so a step that does not apply yields nothing. A position or range after {@code **} is
 * refused: MySQL reports a value reached twice (through the wrapping) once.
 */
final class MysqlJsonPath {
  /** What a step selects. */
  private enum Kind {
    MEMBER,
    POSITION,
    ALL_MEMBERS,
    ALL_ELEMENTS,
    RANGE,
    ANY_DEPTH;

    boolean several() {
      return this != MEMBER && this != POSITION;
    }
  }

  /**
   * A member name, an array position ({@code index} from the start, or from the end), a range
   * (positions {@code index} to {@code toIndex}), or a wildcard.
   */
  private record Step(
      Kind kind, String member, long index, boolean fromEnd, long toIndex, boolean toFromEnd) {
    static Step member(String name) {
      return new Step(Kind.MEMBER, name, 0, false, 0, false);
    }

    static Step position(long index, boolean fromEnd) {
      return new Step(Kind.POSITION, null, index, fromEnd, 0, false);
    }

    static Step of(Kind kind) {
      return new Step(kind, null, 0, false, 0, false);
    }

    boolean isMember() {
      return kind == Kind.MEMBER;
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
    MysqlJsonPath p = parseAllowingSeveral(function, literal);
    for (Step s : p.steps) {
      if (s.kind().several()) {
        throw several(function, p.text, describe(s.kind()));
      }
    }
    return p;
  }

  /** Parses a path literal that may select several values (wildcards, ranges). */
  static MysqlJsonPath parseAllowingSeveral(String function, StringValue literal) {
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
      } else if (c == '*' && path.startsWith("**", i)) {
        steps.add(Step.of(Kind.ANY_DEPTH));
        i += 2;
      } else {
        throw RefusedException.function(function, "Invalid JSON path " + path + ".");
      }
    }
    if (!steps.isEmpty() && steps.get(steps.size() - 1).kind() == Kind.ANY_DEPTH) {
      throw RefusedException.function(function, "Invalid JSON path " + path + ".");
    }
    boolean anyDepth = false;
    for (Step st : steps) {
      if (anyDepth && (st.kind() == Kind.POSITION || st.kind() == Kind.RANGE)) {
        throw RefusedException.function(
            function,
            "The JSON path "
                + path
                + " has an array position after **: MySQL reports a value reached twice"
                + " (through a non-array wrapped into an array) once; not translated.");
      }
      anyDepth |= st.kind() == Kind.ANY_DEPTH;
    }
    return new MysqlJsonPath(path, steps);
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case ALL_MEMBERS -> ".*";
      case ALL_ELEMENTS -> "[*]";
      case RANGE -> "a range";
      default -> "**";
    };
  }

  private static int member(String function, String path, int start, List<Step> steps) {
    if (start < path.length() && path.charAt(start) == '"') {
      StringBuilder name = new StringBuilder();
      int j = start + 1;
      while (j < path.length() && path.charAt(j) != '"') {
        if (path.charAt(j) == '\\') {
          j = unescape(function, path, j, name);
        } else {
          name.append(path.charAt(j));
          j++;
        }
      }
      if (j >= path.length()) {
        throw RefusedException.function(function, "Invalid JSON path " + path + ".");
      }
      steps.add(Step.member(name.toString()));
      return j + 1;
    }
    int j = start;
    while (j < path.length()
        && path.charAt(j) != '.'
        && path.charAt(j) != '['
        && !(path.charAt(j) == '*' && j > start) // $.a**.b: the member a, then **
        && !Character.isWhitespace(path.charAt(j))) {
      j++;
    }
    String name = path.substring(start, j);
    if (name.equals("*")) {
      steps.add(Step.of(Kind.ALL_MEMBERS));
      return j;
    }
    if (name.isEmpty() || !isIdentifier(name)) {
      throw RefusedException.function(function, "Invalid JSON path " + path + ".");
    }
    steps.add(Step.member(name));
    return j;
  }

  /**
   * Appends the JSON escape at {@code path[j]} (a backslash) to name, as MySQL reads a quoted
   * member name: a JSON string's escapes, {@code \\uXXXX} in either case. Returns the index after
   * it. Others, and a lone surrogate, are an invalid path on MySQL; NUL cannot be a PostgreSQL key.
   */
  private static int unescape(String function, String path, int j, StringBuilder name) {
    char e = j + 1 < path.length() ? path.charAt(j + 1) : 0;
    char decoded =
        switch (e) {
          case '"', '\\', '/' -> e;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'u' -> hexChar(path, j + 2);
          default -> 0;
        };
    if (decoded == 0) {
      throw RefusedException.function(function, "Invalid JSON path " + path + ".");
    }
    name.append(decoded);
    int next = j + (e == 'u' ? 6 : 2);
    if (Character.isHighSurrogate(decoded)) {
      char low = path.startsWith("\\u", next) ? hexChar(path, next + 2) : 0;
      if (!Character.isLowSurrogate(low)) {
        throw RefusedException.function(function, "Invalid JSON path " + path + ".");
      }
      name.append(low);
      next += 6;
    } else if (Character.isLowSurrogate(decoded)) {
      throw RefusedException.function(function, "Invalid JSON path " + path + ".");
    }
    return next;
  }

  /** The char of four hex digits at i, or 0 when there are not four. */
  private static char hexChar(String path, int i) {
    if (i + 4 > path.length()) {
      return 0;
    }
    int value = 0;
    for (int k = i; k < i + 4; k++) {
      char ch = path.charAt(k);
      // ASCII only: Character.digit also reads fullwidth and other scripts' digits
      int digit = ch < 128 ? Character.digit(ch, 16) : -1;
      if (digit < 0) {
        return 0;
      }
      value = value * 16 + digit;
    }
    return (char) value;
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
      return Step.of(Kind.ALL_ELEMENTS);
    }
    String[] range = p.split("\\s+to\\s+", -1);
    if (range.length == 2) {
      Step from = position(function, path, range[0]);
      Step to = position(function, path, range[1]);
      if (from.kind() != Kind.POSITION
          || to.kind() != Kind.POSITION
          || (from.fromEnd() == to.fromEnd()
              && (from.fromEnd() ? from.index() < to.index() : from.index() > to.index()))) {
        throw RefusedException.function(function, "Invalid JSON path " + path + ".");
      }
      return new Step(Kind.RANGE, null, from.index(), from.fromEnd(), to.index(), to.fromEnd());
    }
    if (p.matches("[0-9]{1,9}")) {
      return Step.position(Long.parseLong(p), false);
    }
    if (p.matches("last(\\s*-\\s*[0-9]{1,9})?")) {
      String n = p.substring(4).replace("-", "").strip();
      return Step.position(n.isEmpty() ? 0 : Long.parseLong(n), true);
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
   * A path of member steps as MySQL prints the paths it returns (JSON_SEARCH): {@code $.a.b}, a
   * name that is not an identifier (letters, digits, _ and $, not starting with a digit; non-ASCII
   * characters count as letters) as a JSON string, {@code $."a b"}.
   */
  static String memberPathText(List<String> members) {
    StringBuilder b = new StringBuilder("$");
    for (String m : members) {
      b.append('.');
      if (m.matches("([A-Za-z_$]|[^\\x01-\\x7f])([A-Za-z0-9_$]|[^\\x01-\\x7f])*")) {
        b.append(m);
      } else {
        b.append('"');
        for (char c : m.toCharArray()) {
          switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            case '\t' -> b.append("\\t");
            case '\r' -> b.append("\\r");
            default -> {
              if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
              } else {
                b.append(c);
              }
            }
          }
        }
        b.append('"');
      }
    }
    return b.toString();
  }

  /** True for {@code $} itself. */
  boolean isRoot() {
    return steps.isEmpty();
  }

  /** True when the last step is an array position ({@code [2]}, {@code [last - 1]}). */
  boolean endsWithPosition() {
    return !steps.isEmpty() && steps.get(steps.size() - 1).kind() == Kind.POSITION;
  }

  /** True when some step is an array position. */
  boolean hasPosition() {
    return steps.stream().anyMatch(st -> st.kind() == Kind.POSITION);
  }

  /** The member name of the last step, or null when it is not a member step. */
  String lastMember() {
    return steps.isEmpty() || !steps.get(steps.size() - 1).isMember()
        ? null
        : steps.get(steps.size() - 1).member();
  }

  /**
   * For a path ending in an array position, its index in the one-element array MySQL makes of a
   * value that is not an array: {@code [0]} and {@code [last]} are 0 (the value itself), {@code
   * [2]} is 2 (past the end), {@code [last - 1]} is -1 (before the start).
   */
  long lastIndexInWrapped() {
    Step st = steps.get(steps.size() - 1);
    return st.fromEnd() ? -st.index() : st.index();
  }

  /** The path without its last step (the path itself for {@code $}). */
  MysqlJsonPath parent() {
    return steps.isEmpty() ? this : new MysqlJsonPath(text, steps.subList(0, steps.size() - 1));
  }

  /**
   * For a path ending in an array position ({@link #endsWithPosition}), the index that position
   * names in an array of {@code lengthSql} elements, as SQL: {@code [2]} is 2, {@code [last - 1]}
   * is {@code length - 2} (negative when before the start).
   */
  String lastIndexSql(String lengthSql) {
    return indexSql(steps.get(steps.size() - 1), lengthSql);
  }

  private static String indexSql(Step s, String lengthSql) {
    return s.fromEnd() ? "(" + lengthSql + " - " + (1 + s.index()) + ")" : Long.toString(s.index());
  }

  /**
   * Prints where this single-value path finds its value in the jsonb document {@code docSql} (an
   * SQL name, used several times): a PostgreSQL text[] path for {@code #>}, {@code #-} and {@code
   * jsonb_set}, with a key for each step into an object and an index for each step into an array,
   * {@code '{}'} for the document itself, or NULL when MySQL finds nothing there. An array step on
   * a value that is not an array names the value itself at [0] and [last] (MySQL's wrapping) and
   * adds nothing to the path, so the path is the one MySQL's value actually has. One lateral
   * subquery per step, each with no row when the step finds nothing:
   *
   * <pre>
   * (SELECT dw_l2.p FROM (SELECT doc AS v, CAST(ARRAY[] AS text[]) AS p) AS dw_l0,
   *   LATERAL (SELECT dw_l0.v -&gt; 'a' AS v, array_append(dw_l0.p, 'a') AS p
   *            WHERE jsonb_typeof(dw_l0.v) = 'object' AND dw_l0.v -&gt; 'a' IS NOT NULL) AS dw_l1,
   *   LATERAL (... [0] of dw_l1.v ...) AS dw_l2)
   * </pre>
   */
  void printLocation(PgExpressionDeParser d, String docSql) {
    int n = steps.size();
    d.a("(SELECT dw_l").a(Integer.toString(n)).a(".p FROM (SELECT ").a(docSql);
    d.a(" AS v, CAST(ARRAY[] AS text[]) AS p) AS dw_l0");
    for (int k = 1; k <= n; k++) {
      Step s = steps.get(k - 1);
      String v = "dw_l" + (k - 1) + ".v";
      String p = "dw_l" + (k - 1) + ".p";
      d.a(", LATERAL (SELECT ");
      if (s.isMember()) {
        String key = "'" + s.member().replace("'", "''") + "'";
        d.a(v).a(" -> ").a(key).a(" AS v, array_append(").a(p).a(", CAST(").a(key);
        d.a(" AS text)) AS p WHERE jsonb_typeof(").a(v).a(") = 'object' AND ").a(v);
        d.a(" -> ").a(key).a(" IS NOT NULL");
      } else {
        String isArray = "jsonb_typeof(" + v + ") = 'array'";
        String length = "jsonb_array_length(" + v + ")";
        String index = indexSql(s, length);
        d.a("CASE WHEN ").a(isArray).a(" THEN ").a(v).a(" -> ").a(index).a(" ELSE ").a(v);
        d.a(" END AS v, CASE WHEN ").a(isArray).a(" THEN array_append(").a(p).a(", CAST(");
        d.a(index).a(" AS text)) ELSE ").a(p).a(" END AS p WHERE CASE WHEN ").a(isArray);
        d.a(" THEN ").a(index).a(" BETWEEN 0 AND ").a(length).a(" - 1 ELSE ").a(v);
        // a value that is not an array is the one element of its wrapping array
        d.a(" IS NOT NULL AND ").a(s.index() == 0 ? "TRUE" : "FALSE").a(" END");
      }
      d.a(") AS dw_l").a(Integer.toString(k));
    }
    d.a(")");
  }

  /**
   * Prints the value at this path in {@code doc} as jsonb, or with {@code unquote} as MySQL's
   * unquoted text. {@code doc} is printed once, or twice when unquoting (so it must be repeatable).
   */
  void print(PgExpressionDeParser d, Expression doc, boolean unquote) {
    if (selectsSeveral()) {
      // an array of the values found, or NULL: unquoted, its JSON text
      d.a(unquote ? "(" : "");
      printSeveral(d, doc);
      d.a(unquote ? " #>> '{}')" : "");
      return;
    }
    if (unquote) {
      Functions.repeatable("JSON_UNQUOTE", doc);
      StringBuilder out = d.out();
      int start = out.length();
      printValue(d, doc);
      String value = out.substring(start);
      out.setLength(start);
      d.a("(CASE jsonb_typeof(").a(value).a(") WHEN 'null' THEN 'null' WHEN 'number' THEN ");
      d.a(JsonFunctions.numberText(value)).a(" ELSE ").a(value).a(" #>> '{}' END)");
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
    printValue(d, doc, steps);
  }

  /** True when a step selects several values: a wildcard, a range or {@code **}. */
  boolean selectsSeveral() {
    return steps.stream().anyMatch(s -> s.kind().several());
  }

  /**
   * E.g. {@code $.items[*].price}: the single value at {@code $.items} as in {@link #printValue},
   * then {@code (SELECT jsonb_agg(dw_j2.v ORDER BY dw_j1.o, dw_j2.o) FROM jsonb_path_query(<items>,
   * 'strict $[*]', '{}', true) WITH ORDINALITY AS dw_j1(v, o), LATERAL jsonb_path_query(dw_j1.v,
   * 'strict $."price"', '{}', true) WITH ORDINALITY AS dw_j2(v, o))}: every value in document
   * order, NULL when there is none.
   */
  private void printSeveral(PgExpressionDeParser d, Expression doc) {
    int n = steps.size() - firstSeveral();
    d.a("(SELECT jsonb_agg(dw_j").a(Integer.toString(n)).a(".v ORDER BY ").a(ordinals(n));
    d.a(") FROM ");
    printChain(d, doc);
    d.a(")");
  }

  /** The position of the first step that selects several values. */
  private int firstSeveral() {
    int first = 0;
    while (!steps.get(first).kind().several()) {
      first++;
    }
    return first;
  }

  /** {@code dw_j1.o, ..., dw_jn.o}: the document order of the values of a chain of n steps. */
  private static String ordinals(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 1; k <= n; k++) {
      b.append(k > 1 ? ", " : "").append("dw_j").append(k).append(".o");
    }
    return b.toString();
  }

  /**
   * The FROM list of one {@code jsonb_path_query} per step from the first that selects several
   * values on ({@code dw_j1(v, o)} to {@code dw_jn(v, o)}), each over the values of the one before:
   * the values found are {@code dw_jn.v}, in the order of {@link #ordinals}.
   */
  private void printChain(PgExpressionDeParser d, Expression doc) {
    int first = firstSeveral();
    List<Step> rest = steps.subList(first, steps.size());
    int n = rest.size();
    for (int k = 1; k <= n; k++) {
      if (k == 1) {
        d.a("jsonb_path_query(");
        printValue(d, doc, steps.subList(0, first));
      } else {
        d.a(", LATERAL jsonb_path_query(dw_j").a(Integer.toString(k - 1)).a(".v");
      }
      d.a(", ").a(jsonpath(rest.get(k - 1))).a(", '{}', true) WITH ORDINALITY AS dw_j");
      d.a(Integer.toString(k)).a("(v, o)");
    }
  }

  /**
   * The values this path finds in {@code doc} as a derived table of {@code (v, o)}: each value
   * (jsonb) with its place in document order, counted from 1 ({@code JSON_TABLE}'s rows). A path of
   * single-value steps finds one value or none (a JSON null is a value).
   */
  void printRows(PgExpressionDeParser d, Expression doc) {
    if (!selectsSeveral()) {
      d.a("(SELECT dw_j0.v, CAST(1 AS bigint) AS o FROM (SELECT ");
      printValue(d, doc);
      d.a(" AS v) AS dw_j0 WHERE dw_j0.v IS NOT NULL)");
      return;
    }
    int n = steps.size() - firstSeveral();
    d.a("(SELECT dw_j").a(Integer.toString(n)).a(".v, row_number() OVER (ORDER BY ");
    d.a(ordinals(n)).a(") AS o FROM ");
    printChain(d, doc);
    d.a(")");
  }

  /** The one-step PostgreSQL jsonpath, as an SQL literal, that gives MySQL's values for step. */
  private static String jsonpath(Step s) {
    String p =
        switch (s.kind()) {
          case MEMBER ->
              "strict $.\"" + s.member().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
          case POSITION -> "lax $[" + position(s.index(), s.fromEnd()) + "]";
          case RANGE ->
              "lax $["
                  + position(s.index(), s.fromEnd())
                  + " to "
                  + position(s.toIndex(), s.toFromEnd())
                  + "]";
          case ALL_MEMBERS -> "strict $.*";
          case ALL_ELEMENTS -> "strict $[*]";
          case ANY_DEPTH -> "strict $.**";
        };
    return "'" + p.replace("'", "''") + "'";
  }

  private static String position(long index, boolean fromEnd) {
    return fromEnd ? (index == 0 ? "last" : "last - " + index) : Long.toString(index);
  }

  private static void printValue(PgExpressionDeParser d, Expression doc, List<Step> steps) {
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
      suffix.append(", 'lax $[").append(position(s.index(), s.fromEnd())).append("]')");
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
