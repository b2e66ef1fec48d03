package io.dualwrite.rewriter;

import java.util.Locale;
import java.util.Set;

/**
 * MySQL identifiers are printed for PostgreSQL lower-case and unquoted (the PostgreSQL schema is
 * created by this rewriter with the same names), quoted only when PostgreSQL reserves the word or
 * the name is not a plain identifier.
 */
final class Identifiers {

  /** PostgreSQL 16 reserved key words (Appendix C, "reserved" and "reserved (can be function)"). */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "authorization",
          "binary",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "collation",
          "column",
          "concurrently",
          "constraint",
          "create",
          "cross",
          "current_catalog",
          "current_date",
          "current_role",
          "current_schema",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "freeze",
          "from",
          "full",
          "grant",
          "group",
          "having",
          "ilike",
          "in",
          "initially",
          "inner",
          "intersect",
          "into",
          "is",
          "isnull",
          "join",
          "lateral",
          "leading",
          "left",
          "like",
          "limit",
          "localtime",
          "localtimestamp",
          "natural",
          "not",
          "notnull",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "outer",
          "overlaps",
          "placing",
          "primary",
          "references",
          "returning",
          "right",
          "select",
          "session_user",
          "similar",
          "some",
          "symmetric",
          "system_user",
          "table",
          "tablesample",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "verbose",
          "when",
          "where",
          "window",
          "with");

  private Identifiers() {}

  /** The bare name: backticks or double quotes removed, lower-cased. */
  static String normalize(String name) {
    if (name == null) {
      return null;
    }
    String n = name;
    if (n.length() >= 2
        && ((n.charAt(0) == '`' && n.charAt(n.length() - 1) == '`')
            || (n.charAt(0) == '"' && n.charAt(n.length() - 1) == '"')
            || (n.charAt(0) == '[' && n.charAt(n.length() - 1) == ']'))) {
      n = n.substring(1, n.length() - 1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  /** The PostgreSQL spelling of a MySQL identifier. */
  static String pg(String name) {
    String n = normalize(name);
    if (needsQuotes(n)) {
      return '"' + n.replace("\"", "\"\"") + '"';
    }
    return n;
  }

  static boolean needsQuotes(String n) {
    if (n.isEmpty() || RESERVED.contains(n)) {
      return true;
    }
    char first = n.charAt(0);
    if (!(first >= 'a' && first <= 'z') && first != '_') {
      return true;
    }
    for (int i = 1; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return true;
      }
    }
    return false;
  }
}
