package io.dualwrite.rewriter;

/**
 * MySQL DATE_FORMAT / STR_TO_DATE format strings to PostgreSQL to_char / to_timestamp templates.
 * Every specifier either has an exact PostgreSQL equivalent or the format is refused; literal text
 * is double-quoted so PostgreSQL never reads it as a template pattern.
 */
final class DateFormats {

  /**
   * A translated template, whether it has time-of-day and date fields, and for parsing a PostgreSQL
   * regular expression the input must start with (null when a specifier has no such digit form):
   * MySQL's STR_TO_DATE gives NULL for input that does not fit, PostgreSQL raises an error.
   */
  record Template(String pattern, boolean hasTime, boolean hasDate, String inputShape) {
    Template(String pattern, boolean hasTime) {
      this(pattern, hasTime, true, null);
    }
  }

  private DateFormats() {}

  static Template toPostgres(String mysqlFormat, boolean parsing) {
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    boolean hasTime = false;
    boolean hasDate = false;
    StringBuilder shape = new StringBuilder("^");
    boolean shapeKnown = true;
    for (int i = 0; i < mysqlFormat.length(); i++) {
      char c = mysqlFormat.charAt(i);
      if (c != '%' || i + 1 >= mysqlFormat.length()) {
        literal.append(c);
        shape.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        continue;
      }
      char s = mysqlFormat.charAt(++i);
      String digits =
          switch (s) {
            case 'Y' -> "[0-9]{4}";
            case 'y' -> "[0-9]{2}";
            case 'm', 'c', 'd', 'e', 'H', 'k', 'h', 'I', 'l', 'i', 'S', 's' -> "[0-9]{1,2}";
            case 'f' -> "[0-9]{1,6}";
            case 'T' -> "[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}";
            case '%' -> "%";
            default -> null;
          };
      if (digits == null) {
        shapeKnown = false;
      } else {
        shape.append(digits);
      }
      String p;
      boolean time = false;
      switch (s) {
        case 'a' -> p = "Dy";
        case 'b' -> p = "Mon";
        case 'c' -> p = "FMMM";
        case 'D' -> p = "FMDDth";
        case 'd' -> p = "DD";
        case 'e' -> p = "FMDD";
        case 'f' -> {
          p = "US";
          time = true;
        }
        case 'H' -> {
          p = "HH24";
          time = true;
        }
        case 'h', 'I' -> {
          p = "HH12";
          time = true;
        }
        case 'i' -> {
          p = "MI";
          time = true;
        }
        case 'j' -> p = "DDD";
        case 'k' -> {
          p = "FMHH24";
          time = true;
        }
        case 'l' -> {
          p = "FMHH12";
          time = true;
        }
        case 'M' -> p = "FMMonth";
        case 'm' -> p = "MM";
        case 'p' -> {
          p = "AM";
          time = true;
        }
        case 'r' -> {
          p = "HH12:MI:SS AM";
          time = true;
        }
        case 'S', 's' -> {
          p = "SS";
          time = true;
        }
        case 'T' -> {
          p = "HH24:MI:SS";
          time = true;
        }
        case 'v' -> p = "IW";
        case 'x' -> p = "IYYY";
        case 'W' -> p = "FMDay";
        case 'Y' -> p = "YYYY";
        case 'y' -> p = "YY";
        case '%' -> p = null;
        case 'U', 'u', 'V', 'X', 'w' ->
            throw RefusedException.syntax(
                "date-format:%" + s,
                "The MySQL date format specifier %"
                    + s
                    + " (week/weekday numbering) has no exact PostgreSQL template equivalent.");
        default -> p = null;
      }
      if (p == null) {
        literal.append(s == '%' ? '%' : s); // MySQL prints an unknown %x as x
        continue;
      }
      if (parsing && (s == 'a' || s == 'W' || s == 'j' || s == 'v' || s == 'x')) {
        throw RefusedException.syntax(
            "date-format:%" + s,
            "STR_TO_DATE with the %"
                + s
                + " specifier cannot be parsed identically by PostgreSQL.");
      }
      flushLiteral(out, literal);
      out.append(p);
      hasTime |= time;
      hasDate |= !time;
    }
    flushLiteral(out, literal);
    return new Template(
        out.toString(), hasTime, hasDate, parsing && shapeKnown ? shape.toString() : null);
  }

  private static void flushLiteral(StringBuilder out, StringBuilder literal) {
    if (literal.length() == 0) {
      return;
    }
    out.append('"');
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
    literal.setLength(0);
  }
}
