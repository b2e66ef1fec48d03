package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Functions.arity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;

/**
 * MySQL's JSON functions that return an edited document (JSON_REMOVE, JSON_ARRAY_APPEND,
 * JSON_ARRAY_INSERT, JSON_SET/REPLACE/INSERT with array positions, JSON_MERGE_PATCH,
 * JSON_MERGE_PRESERVE) or measure or compare documents (JSON_DEPTH, JSON_OVERLAPS, JSON_VALUE),
 * printed for PostgreSQL jsonb with MySQL's results.
 *
 * <p>An edit finds its place with {@link MysqlJsonPath#printLocation}: the PostgreSQL path to the
 * value MySQL's path names, NULL where MySQL finds nothing (nothing is changed there). Several
 * paths apply one after the other, each to the result of the one before, as in MySQL. A NULL path
 * makes the result NULL; a path that is not a literal, or selects several values, is refused.
 */
final class JsonDocumentFunctions {

  static final Map<String, Functions.Printer> PRINTERS =
      Map.ofEntries(
          Map.entry("JSON_REMOVE", JsonDocumentFunctions::remove),
          Map.entry("JSON_ARRAY_APPEND", JsonDocumentFunctions::arrayEdit),
          Map.entry("JSON_ARRAY_INSERT", JsonDocumentFunctions::arrayEdit),
          Map.entry("JSON_MERGE_PATCH", JsonDocumentFunctions::mergePatch),
          Map.entry("JSON_MERGE_PRESERVE", JsonDocumentFunctions::mergePreserve),
          Map.entry("JSON_MERGE", JsonDocumentFunctions::mergePreserve),
          Map.entry("JSON_DEPTH", JsonDocumentFunctions::depth),
          Map.entry("JSON_OVERLAPS", JsonDocumentFunctions::overlaps),
          Map.entry("JSON_VALUE", JsonDocumentFunctions::value),
          Map.entry("JSON_SEARCH", JsonDocumentFunctions::search),
          Map.entry("JSON_VALID", JsonDocumentFunctions::valid));

  /** MySQL's JSON_VALUE returns a VARCHAR(512); a longer value is an error, NULL by default. */
  private static final int JSON_VALUE_MAX_CHARS = 512;

  private JsonDocumentFunctions() {}

  /**
   * JSON_REMOVE(doc, path, ...): each path's value removed from its object or array with {@code
   * #-}; a path that finds nothing leaves the document as it is. {@code $} itself is an error in
   * MySQL, so it is refused.
   */
  private static void remove(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, Integer.MAX_VALUE);
    List<Expression> pathArgs = args.subList(1, args.size());
    if (pathArgs.stream().anyMatch(p -> p instanceof NullValue)) {
      d.a("CAST(NULL AS jsonb)");
      return;
    }
    List<MysqlJsonPath> paths = new ArrayList<>();
    for (Expression p : pathArgs) {
      MysqlJsonPath path = literalPath(n, p);
      if (path.isRoot()) {
        throw RefusedException.function(
            n, "The path expression '$' is not allowed in " + n + " (a MySQL error).");
      }
      paths.add(path);
    }
    removeAll(d, args.get(0), paths);
  }

  private static void removeAll(PgExpressionDeParser d, Expression doc, List<MysqlJsonPath> paths) {
    if (paths.isEmpty()) {
      JsonFunctions.jsonDoc(d, doc);
      return;
    }
    // the document itself ('{}': $[0] of a non-array) cannot be removed: MySQL leaves it
    d.a("(SELECT COALESCE(dw_doc #- NULLIF(");
    paths.get(paths.size() - 1).printLocation(d, "dw_doc");
    d.a(", CAST(ARRAY[] AS text[])), dw_doc) FROM (SELECT ");
    removeAll(d, doc, paths.subList(0, paths.size() - 1));
    d.a(") AS dw_rm(dw_doc))");
  }

  /**
   * JSON_ARRAY_APPEND(doc, path, value, ...): the value appended to the array at path; a value
   * there that is not an array becomes the array of it and the value ({@code $.a} of {"a": 1} gives
   * {"a": [1, 2]}). JSON_ARRAY_INSERT(doc, path, value, ...): the path ends with an array position
   * (anything else is a MySQL error, refused); the value is inserted before that position of the
   * array at the rest of the path, appended past its end, put first before its start; nothing
   * happens where that is not an array. The value goes into JSON as JSON_SET puts it.
   *
   * <pre>
   * (SELECT CASE WHEN dw_new IS NULL THEN dw_doc WHEN cardinality(dw_l) = 0 THEN dw_new
   *   ELSE jsonb_set(dw_doc, dw_l, dw_new) END
   *  FROM (SELECT doc) AS dw_ed(dw_doc), LATERAL (SELECT location) AS dw_el(dw_l),
   *   LATERAL (SELECT dw_doc #&gt; dw_l, jsonb_build_array(value)) AS dw_ev(dw_t, dw_val),
   *   LATERAL (SELECT the edited array) AS dw_en(dw_new))
   * </pre>
   */
  private static void arrayEdit(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    edit(d, n, args);
  }

  /** What an edit does at the place its path names. */
  private enum Edit {
    APPEND,
    ARRAY_INSERT,
    SET,
    REPLACE,
    INSERT;

    static Edit of(String function) {
      return switch (function) {
        case "JSON_ARRAY_APPEND" -> APPEND;
        case "JSON_ARRAY_INSERT" -> ARRAY_INSERT;
        case "JSON_SET" -> SET;
        case "JSON_REPLACE" -> REPLACE;
        case "JSON_INSERT" -> INSERT;
        default -> throw new IllegalArgumentException(function);
      };
    }

    /** Whether it changes a value that is there (JSON_SET, JSON_REPLACE). */
    boolean replaces() {
      return this == SET || this == REPLACE;
    }

    /** Whether it adds a value that is not there (JSON_SET, JSON_INSERT). */
    boolean adds() {
      return this == SET || this == INSERT;
    }
  }

  /**
   * An edit of function {@code n} (JSON_ARRAY_APPEND, JSON_ARRAY_INSERT, or JSON_SET, JSON_REPLACE,
   * JSON_INSERT with an array position in a path) over its path/value pairs, in turn.
   */
  static void edit(PgExpressionDeParser d, String n, List<Expression> args) {
    if (args.size() < 3 || args.size() % 2 == 0) {
      throw RefusedException.function(n, n + " needs a document and path/value pairs.");
    }
    for (int i = 1; i < args.size(); i += 2) {
      if (args.get(i) instanceof NullValue) {
        d.a("CAST(NULL AS jsonb)");
        return;
      }
    }
    Edit edit = Edit.of(n);
    List<MysqlJsonPath> paths = new ArrayList<>();
    for (int i = 1; i < args.size(); i += 2) {
      MysqlJsonPath path = literalPath(n, args.get(i));
      if (edit == Edit.ARRAY_INSERT && !path.endsWithPosition()) {
        throw RefusedException.function(
            n,
            "The path "
                + path.text()
                + " of "
                + n
                + " does not end with an array position (a MySQL error).");
      }
      if (edit != Edit.APPEND && path.isRoot()) {
        throw RefusedException.function(n, n + " of the whole document is not translated.");
      }
      paths.add(path);
    }
    List<Expression> values = new ArrayList<>();
    for (int i = 2; i < args.size(); i += 2) {
      values.add(args.get(i));
    }
    editAll(d, edit, args.get(0), paths, values);
  }

  private static void editAll(
      PgExpressionDeParser d,
      Edit edit,
      Expression doc,
      List<MysqlJsonPath> paths,
      List<Expression> values) {
    int last = paths.size() - 1;
    if (last < 0) {
      JsonFunctions.jsonDoc(d, doc);
      return;
    }
    MysqlJsonPath path = paths.get(last);
    d.a("(SELECT CASE WHEN dw_new IS NULL THEN dw_doc WHEN cardinality(dw_l) = 0 THEN dw_new");
    d.a(" ELSE jsonb_set(dw_doc, dw_l, dw_new) END FROM (SELECT ");
    editAll(d, edit, doc, paths.subList(0, last), values.subList(0, last));
    d.a(") AS dw_ed(dw_doc), LATERAL (SELECT ");
    (edit == Edit.APPEND ? path : path.parent()).printLocation(d, "dw_doc");
    d.a(") AS dw_el(dw_l), LATERAL (SELECT dw_doc #> dw_l, jsonb_build_array(");
    JsonFunctions.jsonValue(d, values.get(last));
    d.a(")) AS dw_ev(dw_t, dw_val), LATERAL (SELECT ");
    switch (edit) {
      case APPEND -> {
        d.a("CASE WHEN dw_t IS NULL THEN NULL WHEN jsonb_typeof(dw_t) = 'array'");
        d.a(" THEN dw_t || dw_val ELSE jsonb_build_array(dw_t) || dw_val END");
      }
      case ARRAY_INSERT -> {
        String at = "GREATEST(" + path.lastIndexSql("jsonb_array_length(dw_t)") + ", 0)";
        d.a("CASE WHEN jsonb_typeof(dw_t) = 'array' THEN CASE WHEN ").a(at);
        d.a(" >= jsonb_array_length(dw_t) THEN dw_t || dw_val ELSE jsonb_insert(dw_t,");
        d.a(" ARRAY[CAST(").a(at).a(" AS text)], dw_val -> 0) END END");
      }
      default -> setAt(d, edit, path);
    }
    d.a(") AS dw_en(dw_new))");
  }

  /**
   * The new value of {@code dw_t}, the parent of the path's last step, for JSON_SET, JSON_REPLACE
   * and JSON_INSERT; NULL to leave the document as it is. A member step sets a member of an object
   * (nothing happens on anything else). A position step on an array replaces the element there, or
   * adds the value at the end past the end, first before the start; on a value that is not an array
   * (MySQL's one-element array of it), position 0 is the value itself, a later one makes {@code
   * [value, new]}, an earlier one {@code [new, value]}.
   */
  private static void setAt(PgExpressionDeParser d, Edit edit, MysqlJsonPath path) {
    String member = path.lastMember();
    if (member != null) {
      String key = "CAST('" + member.replace("'", "''") + "' AS text)";
      d.a("CASE WHEN jsonb_typeof(dw_t) = 'object'");
      if (edit == Edit.REPLACE) {
        d.a(" AND dw_t -> ").a(key).a(" IS NOT NULL");
      } else if (edit == Edit.INSERT) {
        d.a(" AND dw_t -> ").a(key).a(" IS NULL");
      }
      d.a(" THEN jsonb_set(dw_t, ARRAY[").a(key).a("], dw_val -> 0) END");
      return;
    }
    String length = "jsonb_array_length(dw_t)";
    String at = path.lastIndexSql(length);
    String there =
        edit.replaces() ? "jsonb_set(dw_t, ARRAY[CAST(" + at + " AS text)], dw_val -> 0)" : "NULL";
    String after = edit.adds() ? "dw_t || dw_val" : "NULL";
    String before = edit.adds() ? "dw_val || dw_t" : "NULL";
    d.a("CASE WHEN jsonb_typeof(dw_t) = 'array' THEN CASE WHEN ").a(at).a(" >= ").a(length);
    d.a(" THEN ").a(after).a(" WHEN ").a(at).a(" >= 0 THEN ").a(there).a(" ELSE ").a(before);
    d.a(" END WHEN dw_t IS NOT NULL THEN ");
    long wrapped = path.lastIndexInWrapped();
    if (wrapped == 0) {
      d.a(edit.replaces() ? "dw_val -> 0" : "NULL");
    } else if (wrapped > 0) {
      d.a(edit.adds() ? "jsonb_build_array(dw_t) || dw_val" : "NULL");
    } else {
      d.a(edit.adds() ? "dw_val || jsonb_build_array(dw_t)" : "NULL");
    }
    d.a(" END");
  }

  /**
   * JSON_MERGE_PATCH(doc, patch, ...), RFC 7396 as MySQL applies it, each patch in turn: a patch
   * that is not an object replaces the document; otherwise each of its members, at any depth,
   * replaces the document's (JSON null removes it, an object merges into the document's member,
   * which becomes {} first when it is not an object), starting from {} when the document is not an
   * object. NULL when the patch is NULL, or the document is NULL and the patch an object. The
   * patch's members are listed by a recursive query, parents first, then applied one at a time by a
   * second one.
   */
  private static void mergePatch(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, Integer.MAX_VALUE);
    pairwise(d, args, "dw_mp", JsonDocumentFunctions::patch);
  }

  /** dw_a patched with dw_b. */
  private static void patch(PgExpressionDeParser d) {
    d.a("CASE WHEN dw_b IS NULL THEN NULL WHEN jsonb_typeof(dw_b) <> 'object' THEN dw_b");
    d.a(" WHEN dw_a IS NULL THEN NULL ELSE ");
    applyMembers(
        d,
        "jsonb_typeof(dw_ops.v) = 'object'",
        "TRUE",
        "v",
        "CASE WHEN jsonb_typeof(dw_a) = 'object' THEN dw_a ELSE '{}'::jsonb END",
        "CASE jsonb_typeof(dw_seq.v) WHEN 'null' THEN dw_fold.doc #- dw_seq.p WHEN 'object' THEN"
            + " CASE WHEN jsonb_typeof(dw_fold.doc #> dw_seq.p) = 'object' THEN dw_fold.doc ELSE"
            + " jsonb_set(dw_fold.doc, dw_seq.p, '{}'::jsonb) END ELSE jsonb_set(dw_fold.doc,"
            + " dw_seq.p, dw_seq.v) END");
    d.a(" END");
  }

  /**
   * Documents merged two at a time from the left: {@code merge} prints the merge of {@code dw_a}
   * (the documents before the last, merged) and {@code dw_b} (the last).
   */
  private static void pairwise(
      PgExpressionDeParser d,
      List<Expression> docs,
      String alias,
      java.util.function.Consumer<PgExpressionDeParser> merge) {
    if (docs.size() == 1) {
      JsonFunctions.jsonDoc(d, docs.get(0));
      return;
    }
    d.a("(SELECT ");
    merge.accept(d);
    d.a(" FROM (SELECT ");
    pairwise(d, docs.subList(0, docs.size() - 1), alias, merge);
    d.a(", ");
    JsonFunctions.jsonDoc(d, docs.get(docs.size() - 1));
    d.a(") AS ").a(alias).a("(dw_a, dw_b))");
  }

  /**
   * JSON_MERGE_PRESERVE(doc, doc, ...) and its old name JSON_MERGE, each document in turn: two
   * objects merge, a member of both becoming the merge of its two values; otherwise both are read
   * as arrays (a value that is not an array as the array of it) and joined. NULL when any is NULL.
   * Whether a member of the second object merges into the first or is added depends only on the
   * first as it was (members merged are objects in both, untouched themselves), so the places to
   * set are listed at once (the second's members, descending where both are objects) and set one
   * after the other.
   */
  private static void mergePreserve(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, Integer.MAX_VALUE);
    pairwise(d, args, "dw_mg", JsonDocumentFunctions::preserve);
  }

  /** dw_a and dw_b merged, keeping both. */
  private static void preserve(PgExpressionDeParser d) {
    String bothObjects = "jsonb_typeof(v) = 'object' AND jsonb_typeof(dw_a #> p) = 'object'";
    d.a("CASE WHEN dw_a IS NULL OR dw_b IS NULL THEN NULL WHEN jsonb_typeof(dw_a) = 'object'");
    d.a(" AND jsonb_typeof(dw_b) = 'object' THEN ");
    applyMembers(
        d,
        "jsonb_typeof(dw_ops.v) = 'object' AND jsonb_typeof(dw_a #> dw_ops.p) = 'object'",
        "NOT COALESCE(" + bothObjects + ", FALSE)",
        "CASE WHEN dw_a #> p IS NULL THEN v ELSE "
            + asArray("dw_a #> p")
            + " || "
            + asArray("v")
            + " END",
        "dw_a",
        "jsonb_set(dw_fold.doc, dw_seq.p, dw_seq.v)");
    d.a(" ELSE ").a(asArray("dw_a")).a(" || ").a(asArray("dw_b")).a(" END");
  }

  /** The jsonb value as an array: itself when it is one, the one-element array of it otherwise. */
  private static String asArray(String v) {
    return "(CASE WHEN jsonb_typeof("
        + v
        + ") = 'array' THEN "
        + v
        + " ELSE jsonb_build_array("
        + v
        + ") END)";
  }

  /**
   * Applies the members of the object {@code dw_b} to a document, one at a time, parents first:
   * {@code dw_ops(p, v)} lists them with their paths, descending into a member while {@code
   * descend} holds; those where {@code keep} holds, valued {@code value} (over {@code p}, {@code
   * v}), are numbered in {@code dw_seq}; {@code dw_fold} starts from {@code start} and applies
   * {@code apply} (over {@code dw_fold.doc}, {@code dw_seq.p}, {@code dw_seq.v}) for each. Prints
   * the last document, as a scalar subquery.
   */
  private static void applyMembers(
      PgExpressionDeParser d,
      String descend,
      String keep,
      String value,
      String start,
      String apply) {
    d.a("(WITH RECURSIVE dw_ops(p, v) AS (SELECT ARRAY[e.key], e.value FROM jsonb_each(dw_b)");
    d.a(" AS e UNION ALL SELECT array_append(dw_ops.p, e.key), e.value FROM dw_ops,");
    d.a(" jsonb_each(CASE WHEN ").a(descend).a(" THEN dw_ops.v ELSE '{}'::jsonb END) AS e),");
    d.a(" dw_seq AS (SELECT row_number() OVER (ORDER BY cardinality(p), p) AS i, p, ");
    d.a(value).a(" AS v FROM dw_ops WHERE ").a(keep).a("), dw_fold(i, doc) AS (SELECT");
    d.a(" CAST(0 AS bigint), ").a(start).a(" UNION ALL SELECT dw_seq.i, ").a(apply);
    d.a(" FROM dw_fold JOIN dw_seq ON dw_seq.i = dw_fold.i + 1)");
    d.a(" SELECT doc FROM dw_fold ORDER BY i DESC LIMIT 1)");
  }

  /**
   * JSON_DEPTH(doc): 1 for a scalar or an empty array or object, otherwise 1 more than its deepest
   * element or member; NULL for NULL. A recursive query walks the values inside ({@code strict
   * $[*]} of an array, {@code strict $.*} of an object, nothing of a scalar).
   */
  private static void depth(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    d.a("(SELECT (WITH RECURSIVE dw_d(v, n) AS (SELECT dw_v, 1 UNION ALL SELECT c.v, dw_d.n + 1");
    d.a(" FROM dw_d, jsonb_path_query(dw_d.v, CAST(CASE WHEN jsonb_typeof(dw_d.v) = 'array'");
    d.a(" THEN 'strict $[*]' ELSE 'strict $.*' END AS jsonpath), '{}', true) AS c(v))");
    d.a(" SELECT max(n) FROM dw_d) FROM (SELECT ");
    JsonFunctions.jsonDoc(d, args.get(0));
    d.a(") AS dw_depth(dw_v) WHERE dw_v IS NOT NULL)");
  }

  /**
   * JSON_OVERLAPS(a, b): 1 when two objects share a member (name and value), otherwise when the
   * two, each read as an array (a value that is not an array as the array of it), share an element;
   * 0 otherwise, NULL when either is NULL. Values compare as jsonb's equality does, which is
   * MySQL's (numbers by value, strings bytewise, arrays and objects whole).
   */
  private static void overlaps(
      PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    d.a("(SELECT CASE WHEN dw_a IS NULL OR dw_b IS NULL THEN NULL WHEN jsonb_typeof(dw_a)");
    d.a(" = 'object' AND jsonb_typeof(dw_b) = 'object' THEN CAST(EXISTS (SELECT 1 FROM");
    d.a(" jsonb_each(dw_a) AS x JOIN jsonb_each(dw_b) AS y ON x.key = y.key AND x.value =");
    d.a(" y.value) AS integer) ELSE CAST(EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN");
    d.a(" jsonb_typeof(dw_a) = 'array' THEN dw_a ELSE jsonb_build_array(dw_a) END) AS x(v),");
    d.a(" jsonb_array_elements(CASE WHEN jsonb_typeof(dw_b) = 'array' THEN dw_b ELSE");
    d.a(" jsonb_build_array(dw_b) END) AS y(v) WHERE x.v = y.v) AS integer) END FROM (SELECT ");
    JsonFunctions.jsonDoc(d, args.get(0));
    d.a(", ");
    JsonFunctions.jsonDoc(d, args.get(1));
    d.a(") AS dw_ov(dw_a, dw_b))");
  }

  /**
   * JSON_VALUE(doc, path) without RETURNING: the text of the value at path (a string's text, a
   * number as MySQL prints it, any other value's JSON text), NULL for JSON null, a path not found,
   * or a value longer than MySQL's default VARCHAR(512).
   */
  private static void value(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 2, 2);
    if (args.get(1) instanceof NullValue) {
      d.a("CAST(NULL AS text)");
      return;
    }
    MysqlJsonPath path = literalPath(n, args.get(1));
    d.a("(SELECT CASE WHEN char_length(dw_t) <= ").a(Integer.toString(JSON_VALUE_MAX_CHARS));
    d.a(" THEN dw_t END FROM (SELECT ").a(JsonFunctions.unquotedText("dw_x"));
    d.a(" FROM (SELECT ");
    path.print(d, args.get(0), false);
    d.a(" AS dw_x) AS dw_jx) AS dw_jv(dw_t))");
  }

  /**
   * A member name as MySQL prints it in a path it returns: as is when it reads as an identifier
   * (letters, digits, _ and $, not starting with a digit; any non-ASCII character counts as a
   * letter), otherwise as a JSON string. The SQL regular expression of the same rule, over {@code
   * e.key}, is {@link #IDENTIFIER_SQL}.
   */
  private static final String IDENTIFIER_SQL =
      "e.key ~ '^([A-Za-z_$]|[^\\x01-\\x7f])([A-Za-z0-9_$]|[^\\x01-\\x7f])*$'";

  /**
   * JSON_SEARCH(doc, 'one'|'all', pattern[, escape[, path ...]]): the paths, as MySQL prints them,
   * of the JSON strings in doc (at each path) that match pattern as LIKE matches (case- and
   * accent-sensitive, as MySQL 9.7 compares here), in the order of the paths and, within one, in
   * document order, each once (a value found again through a later path keeps its first place):
   * 'one' the first as a JSON string, 'all' the one as a string or several as an array; NULL when
   * none matches, or the document, pattern or a path is NULL. A recursive query walks the document
   * from each path, each value with its path text ({@code [i]} for an element, {@code .name} for a
   * member, the name quoted when it is not an identifier) and its ordinals (the path's number, then
   * the steps'), which order it. The escape character must be a literal (NULL or '' for the
   * default, \); the paths member-only literals; paths with positions or wildcards are refused.
   */
  private static void search(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 3, Integer.MAX_VALUE);
    String mode = JsonFunctions.oneOrAll(n, args.get(1));
    String escape = "\\";
    if (args.size() > 3 && !(args.get(3) instanceof NullValue)) {
      String e =
          args.get(3) instanceof StringValue sv ? MysqlLexer.decodeCanonical(sv.getValue()) : null;
      if (e == null || e.length() > 1) {
        throw RefusedException.function(n, n + " needs a literal escape character.");
      }
      escape = e.isEmpty() ? escape : e;
    }
    List<List<String>> starts = new java.util.ArrayList<>();
    for (Expression path : args.subList(Math.min(4, args.size()), args.size())) {
      if (path instanceof NullValue) {
        d.a("CAST(NULL AS jsonb)");
        return;
      }
      List<String> members = literalPath(n, path).membersOnly();
      if (members == null) {
        throw RefusedException.function(
            n, n + " is translated with paths of member steps only ($.a.b).");
      }
      starts.add(members);
    }
    boolean several = starts.size() > 1;
    if (starts.isEmpty()) {
      starts.add(List.of());
    }
    d.a("(SELECT CASE WHEN dw_doc IS NULL OR dw_s IS NULL THEN NULL ELSE (WITH RECURSIVE");
    d.a(" dw_w(v, path, o) AS (");
    for (int k = 0; k < starts.size(); k++) {
      List<String> members = starts.get(k);
      d.a(k > 0 ? " UNION ALL SELECT dw_doc" : "SELECT dw_doc");
      if (!members.isEmpty()) {
        d.a(" #> ").a(JsonFunctions.pgPath(members));
      }
      String startText = members.isEmpty() ? "$" : MysqlJsonPath.memberPathText(members);
      d.a(", CAST('").a(startText.replace("'", "''")).a("' AS text), CAST(ARRAY[");
      d.a(several ? Integer.toString(k + 1) : "").a("] AS bigint[])");
    }
    d.a(" UNION ALL SELECT c.v, dw_w.path || c.step, array_append(dw_w.o, c.i) FROM dw_w,");
    d.a(" LATERAL (SELECT e.value, CASE WHEN ").a(IDENTIFIER_SQL).a(" THEN '.' || e.key ELSE");
    d.a(" '.' || CAST(to_jsonb(e.key) AS text) END, e.i FROM jsonb_each(CASE WHEN");
    d.a(" jsonb_typeof(dw_w.v) = 'object' THEN dw_w.v ELSE '{}'::jsonb END) WITH ORDINALITY");
    d.a(" AS e(key, value, i) UNION ALL SELECT a.value, '[' || (a.i - 1) || ']', a.i FROM");
    d.a(" jsonb_array_elements(CASE WHEN jsonb_typeof(dw_w.v) = 'array' THEN dw_w.v ELSE");
    d.a(" '[]'::jsonb END) WITH ORDINALITY AS a(value, i)) AS c(v, step, i)) SELECT ");
    String match =
        "jsonb_typeof(v) = 'string' AND (v #>> '{}') LIKE dw_s ESCAPE '"
            + escape.replace("'", "''")
            + "'";
    if (mode.equals("one")) {
      d.a("to_jsonb(path) FROM dw_w WHERE ").a(match).a(" ORDER BY o LIMIT 1");
    } else {
      d.a("CASE WHEN count(*) = 1 THEN to_jsonb(min(path)) ELSE jsonb_agg(to_jsonb(path)");
      d.a(" ORDER BY o) END FROM ");
      if (several) {
        // a value reached through two paths (overlapping or repeated) counts once, first found
        d.a("(SELECT path, min(o) AS o FROM dw_w WHERE ").a(match).a(" GROUP BY path) AS dw_m");
      } else {
        d.a("dw_w WHERE ").a(match);
      }
      d.a(" HAVING count(*) > 0");
    }
    d.a(") END FROM (SELECT ");
    JsonFunctions.jsonDoc(d, args.get(0));
    d.a(", CAST(");
    d.text(args.get(2));
    d.a(" AS text)) AS dw_search(dw_doc, dw_s))");
  }

  /**
   * JSON_VALID(v) of a JSON value (a JSON column, JSON_EXTRACT, {@code ->}): 1, NULL for NULL. Of a
   * string it is refused: PostgreSQL's JSON parser accepts documents MySQL rejects (a number beyond
   * a DOUBLE's range such as 1e400), and its IS JSON test exists only from PostgreSQL 16.
   */
  private static void valid(PgExpressionDeParser d, Function f, String n, List<Expression> args) {
    arity(n, args, 1, 1);
    if (!JsonFunctions.isJsonValued(d, args.get(0))) {
      throw RefusedException.function(
          n,
          n
              + "() is translated for a JSON value only: of a string, PostgreSQL's JSON parser"
              + " accepts documents MySQL rejects (a number beyond a DOUBLE's range such as"
              + " 1e400), and its IS JSON test exists only from PostgreSQL 16.");
    }
    d.a("(SELECT CASE WHEN dw_v IS NULL THEN NULL ELSE 1 END FROM (SELECT ");
    d.p(args.get(0));
    d.a(") AS dw_valid(dw_v))");
  }

  /** A literal single-value path of function {@code n}; refused otherwise. */
  private static MysqlJsonPath literalPath(String n, Expression e) {
    if (!(e instanceof StringValue literal)) {
      throw RefusedException.function(n, n + " needs literal paths.");
    }
    return MysqlJsonPath.parse(n, literal);
  }
}
