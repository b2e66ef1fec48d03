package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL's JSON_CONTAINS(target, candidate) for a candidate written as a literal, printed as a
 * PostgreSQL condition over the target. MySQL 9.7.4's rules (each checked there):
 *
 * <ul>
 *   <li>a target array contains a candidate array when every candidate element is contained in some
 *       target element ({@code [[1,2],[3]]} contains {@code [[1],[3]]}, not {@code [[1,3]]}; every
 *       array contains {@code []});
 *   <li>a target array contains a scalar or object candidate when some element contains it, at any
 *       depth of nested arrays ({@code [[3]]} contains {@code 3}, {@code [{"a":1}]} contains {@code
 *       {"a":1}}, {@code []} not {@code {}});
 *   <li>a target object contains a candidate object when it has each of its keys and that key's
 *       value contains the candidate's ({@code {"a":[1,2]}} contains {@code {"a":1}}); nothing
 *       else;
 *   <li>a target scalar contains an equal scalar (numbers compared as numbers, {@code true} not
 *       {@code 1}); nothing else.
 * </ul>
 *
 * PostgreSQL's {@code @>} differs (an object in an array, a scalar in a nested array or under an
 * object key), so the candidate's structure, known when the statement is translated, is unrolled:
 * arrays of the target are walked by a recursive query, and jsonb's equality compares scalars as
 * MySQL does.
 */
final class JsonContainment {

  /** A candidate JSON value: a scalar (its JSON text), an array or an object. */
  sealed interface Value permits Scalar, Array, JsonObject {}

  record Scalar(String json) implements Value {}

  record Array(List<Value> elements) implements Value {}

  record JsonObject(Map<String, Value> members) implements Value {}

  private final StringBuilder out;
  private int aliases;

  private JsonContainment(StringBuilder out) {
    this.out = out;
  }

  /**
   * Prints the condition that the jsonb SQL expression {@code target} contains {@code candidate}
   * (true or false; the caller handles a NULL target).
   */
  static void print(StringBuilder out, String target, Value candidate) {
    new JsonContainment(out).contains(target, candidate);
  }

  private void contains(String target, Value c) {
    if (c instanceof Array a) {
      out.append("(jsonb_typeof(").append(target).append(") = 'array'");
      for (Value e : a.elements()) {
        out.append(" AND ");
        if (e instanceof Array) {
          String alias = "dw_a" + (++aliases);
          out.append("EXISTS (SELECT 1 FROM jsonb_array_elements(").append(target);
          out.append(") AS ").append(alias).append("(v) WHERE ");
          contains(alias + ".v", e);
          out.append(")");
        } else {
          contains(target, e);
        }
      }
      out.append(")");
      return;
    }
    // a scalar or an object: the target itself or an element of its arrays, at any depth
    String alias = "dw_e" + (++aliases);
    out.append("EXISTS (WITH RECURSIVE ").append(alias).append("(v) AS (SELECT ").append(target);
    out.append(" UNION ALL SELECT dw_x.v FROM ").append(alias);
    out.append(", jsonb_array_elements(CASE WHEN jsonb_typeof(").append(alias);
    out.append(".v) = 'array' THEN ").append(alias).append(".v ELSE '[]'::jsonb END) AS dw_x(v))");
    out.append(" SELECT 1 FROM ").append(alias).append(" WHERE ");
    String v = alias + ".v";
    if (c instanceof Scalar s) {
      out.append(v).append(" = CAST(").append(sqlString(s.json())).append(" AS jsonb)");
    } else {
      out.append("jsonb_typeof(").append(v).append(") = 'object'");
      for (Map.Entry<String, Value> m : ((JsonObject) c).members().entrySet()) {
        String member = "(" + v + " -> " + sqlString(m.getKey()) + ")";
        out.append(" AND ").append(member).append(" IS NOT NULL AND ");
        contains(member, m.getValue());
      }
    }
    out.append(")");
  }

  private static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * The JSON value {@code text} holds, or null when it is not one JSON value (MySQL fails on such a
   * candidate).
   */
  static Value parse(String text) {
    Parser p = new Parser(text);
    try {
      Value v = p.value();
      p.space();
      return p.at == text.length() ? v : null;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** A small reader of JSON text (RFC 8259), keeping each scalar's text. */
  private static final class Parser {
    private final String s;
    private int at;

    Parser(String s) {
      this.s = s;
    }

    void space() {
      while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
        at++;
      }
    }

    Value value() {
      space();
      char c = s.charAt(at);
      if (c == '{') {
        at++;
        Map<String, Value> members = new LinkedHashMap<>();
        space();
        if (s.charAt(at) == '}') {
          at++;
          return new JsonObject(members);
        }
        while (true) {
          space();
          String key = string();
          space();
          expect(':');
          members.put(key, value()); // a repeated key: the last one counts, as in MySQL 8+
          space();
          if (s.charAt(at) == '}') {
            at++;
            return new JsonObject(members);
          }
          expect(',');
        }
      }
      if (c == '[') {
        at++;
        List<Value> elements = new ArrayList<>();
        space();
        if (s.charAt(at) == ']') {
          at++;
          return new Array(elements);
        }
        while (true) {
          elements.add(value());
          space();
          if (s.charAt(at) == ']') {
            at++;
            return new Array(elements);
          }
          expect(',');
        }
      }
      int start = at;
      if (c == '"') {
        string();
      } else if (s.startsWith("true", at) || s.startsWith("null", at)) {
        at += 4;
      } else if (s.startsWith("false", at)) {
        at += 5;
      } else {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
                .matcher(s)
                .region(at, s.length());
        if (!m.lookingAt()) {
          throw new IllegalArgumentException("not JSON at " + at);
        }
        at = m.end();
      }
      return new Scalar(s.substring(start, at));
    }

    private void expect(char c) {
      if (s.charAt(at) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + at);
      }
      at++;
    }

    /** A JSON string at {@code at}, decoded. */
    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(at++);
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("control character in a string");
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw new IllegalArgumentException("bad escape \\" + e);
        }
      }
    }
  }
}
