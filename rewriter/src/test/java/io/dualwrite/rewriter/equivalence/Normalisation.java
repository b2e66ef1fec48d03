package io.dualwrite.rewriter.equivalence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the execution-equivalence tests decide that MySQL's result and PostgreSQL's result are "the
 * same": the one place where a difference is forgiven, so a reader can check that nothing an
 * application could observe is forgiven.
 *
 * <h2>Rows</h2>
 *
 * <ul>
 *   <li><b>Row order</b> is compared only when the statement has an {@code ORDER BY} at its top
 *       level (outside parentheses, so {@code GROUP_CONCAT(... ORDER BY ...)} or a sub-query's
 *       ordering does not count). Without one the rows are compared as a multiset: every row of one
 *       side must match a distinct row of the other, and the counts must be equal. The corpus only
 *       orders by keys that are unique, so ties cannot reorder legitimately.
 *   <li><b>Column count</b> must be equal. <b>Column labels</b> are compared case-insensitively
 *       (both JDBC drivers look labels up case-insensitively) when MySQL's label is a plain
 *       identifier (a column name or an alias); for an unaliased expression MySQL's label is the
 *       expression's text ({@code COUNT(*)}), which is not compared.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li><b>NULL</b> equals NULL and nothing else.
 *   <li><b>Exact numbers</b> (every integer width, signed or unsigned, DECIMAL/NUMERIC) are read as
 *       {@link BigDecimal} and compared by value with {@code compareTo}: {@code 1.50 == 1.5}, an
 *       INT equals a BIGINT of the same value. A scale difference is not forgiven when it changes
 *       the value: {@code 0.3333} (MySQL's {@code 1/3}) differs from {@code
 *       0.33333333333333333333}.
 *   <li><b>Approximate numbers</b>: only when either side's column is FLOAT/REAL/DOUBLE, both
 *       values are compared as doubles with a relative tolerance of 1e-9.
 *   <li><b>Booleans</b>: MySQL has none; {@code TINYINT(1)}/{@code BOOLEAN} and PostgreSQL {@code
 *       boolean} are both read as the numbers 1 and 0, so {@code true == 1}, {@code false == 0},
 *       and {@code 2} (a legal TINYINT(1) value) equals nothing but 2.
 *   <li><b>Temporal values</b> are parsed from the server's text (both servers run in UTC, so no
 *       JVM time zone is involved) into {@link LocalDate}, {@link LocalDateTime} or {@link
 *       LocalTime}, truncated to microseconds (the precision of both MySQL and PostgreSQL), and
 *       compared by value within the same class: a DATE never equals a DATETIME at midnight,
 *       because {@code getString} shows the application the difference. A PostgreSQL {@code
 *       timestamptz} is converted to its UTC local date-time (MySQL's TIMESTAMP shows the session
 *       zone, UTC).
 *   <li><b>JSON</b>: when either side's column is typed JSON ({@code json}/{@code jsonb} on
 *       PostgreSQL, {@code JSON} on MySQL 8; MariaDB types JSON as text), both values are parsed
 *       with {@link JsonValue} and compared as JSON values: member order and insignificant
 *       whitespace are ignored, numbers are compared by value, strings exactly. A value that does
 *       not parse is compared as text. A small hand-written parser is used because no JSON library
 *       is in the build and PostgreSQL's own {@code ::jsonb} normalisation would make the
 *       PostgreSQL server judge its own output.
 *   <li><b>Strings</b> are compared exactly (case, trailing spaces, every code point), except that
 *       a PostgreSQL {@code character(n)} value is read without its padding, as MySQL reads a
 *       {@code CHAR} (and the driver reads a PostgreSQL-served one).
 *   <li><b>Byte strings</b> (BINARY, VARBINARY, BLOB, {@code bytea}) are compared byte for byte. A
 *       byte string equals a character string only when the bytes are the UTF-8 encoding of the
 *       characters: MySQL types some expression results as VARBINARY where PostgreSQL returns text,
 *       and the application reading them with {@code getString} sees the same characters.
 *   <li>Values of different kinds (a number and a string, a date and a date-time) are different.
 * </ul>
 *
 * <h2>Writes</h2>
 *
 * After each write the full contents of every table the statement writes are compared, ordered by
 * primary key, under the rules above, together with the update counts. Two documented exceptions:
 * (1) columns whose value comes from the server clock ({@code DEFAULT CURRENT_TIMESTAMP} or {@code
 * ON UPDATE CURRENT_TIMESTAMP}, read from MySQL's {@code information_schema}) are equal when both
 * are NULL or both are within {@value #CLOCK_TOLERANCE_SECONDS} seconds of each other, because two
 * servers cannot read the same clock (statements that name NOW() etc. explicitly are run through
 * the rewriter's {@code PinnedStatement} instead and compared exactly); (2) the update count of an
 * UPSERT ({@code ON DUPLICATE KEY UPDATE}) or REPLACE is not compared, because MySQL counts a row
 * updated by it as 2 (a REPLACE of one row as 2 as well), a convention PostgreSQL's {@code ON
 * CONFLICT} has no counterpart for; the table contents decide.
 */
final class Normalisation {
  /** Tolerance for server-clock columns in table comparisons after a write. */
  static final long CLOCK_TOLERANCE_SECONDS = 120;

  /** Relative tolerance for FLOAT/DOUBLE values. */
  static final double RELATIVE_TOLERANCE = 1e-9;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private Normalisation() {}

  /** Which server a result came from (the expected side is the corpus's written expectation). */
  enum Side {
    MYSQL,
    POSTGRES,
    EXPECTED
  }

  /** An approximate (FLOAT/DOUBLE) number. */
  record Approx(double value) {
    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** A byte string. */
  record Bytes(byte[] value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "x'" + HexFormat.of().formatHex(value) + "'";
    }
  }

  /** JSON text written in the corpus as an expectation ({@code json'...'}). */
  record Json(String text) {
    @Override
    public String toString() {
      return "json'" + text + "'";
    }
  }

  /** One result column: label, how its values are compared. */
  record Column(String label, String typeName, boolean json, boolean approximate) {}

  /** A normalised result: columns and rows of normalised values (null for SQL NULL). */
  record Result(List<Column> columns, List<List<Object>> rows) {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      out.append(columns.stream().map(Column::label).toList());
      int shown = 0;
      for (List<Object> row : rows) {
        if (shown++ == 25) {
          out.append("\n  ... ").append(rows.size() - 25).append(" more");
          break;
        }
        out.append("\n  ").append(row);
      }
      return out.toString();
    }
  }

  /** Reads and normalises every row of {@code rs}. */
  static Result read(ResultSet rs, Side side) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<Column> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      String type = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
      int jdbc = md.getColumnType(i);
      boolean json = type.equals("json") || type.equals("jsonb");
      boolean approx =
          jdbc == Types.REAL
              || jdbc == Types.FLOAT
              || jdbc == Types.DOUBLE
              || type.startsWith("float")
              || type.startsWith("double");
      columns.add(new Column(md.getColumnLabel(i), type, json, approx));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(cell(rs, i, md.getColumnType(i), columns.get(i - 1).typeName(), side));
      }
      rows.add(row);
    }
    return new Result(columns, rows);
  }

  private static Object cell(ResultSet rs, int i, int jdbc, String type, Side side)
      throws SQLException {
    if (side == Side.POSTGRES && type.equals("interval")) {
      // a MySQL TIME beyond a day is a PostgreSQL interval of hours ('276:00:00'): as a TIME's
      // text, a time of day when it is one
      return temporal(rs.getString(i), LocalTime.class);
    }
    Object value;
    switch (jdbc) {
      case Types.BIT, Types.BOOLEAN -> {
        if (side == Side.POSTGRES && (type.equals("bit") || type.equals("varbit"))) {
          value = rs.getString(i); // a PostgreSQL bit string, e.g. 11001100
        } else if (side == Side.POSTGRES) {
          boolean b = rs.getBoolean(i);
          value = rs.wasNull() ? null : (b ? BigDecimal.ONE : BigDecimal.ZERO);
        } else {
          long l = rs.getLong(i); // TINYINT(1) and BIT(n): the stored number, not a Boolean
          value = rs.wasNull() ? null : BigDecimal.valueOf(l);
        }
      }
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.DECIMAL,
          Types.NUMERIC ->
          value = rs.getBigDecimal(i);
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double d = rs.getDouble(i);
        value = rs.wasNull() ? null : new Approx(d);
      }
      case Types.DATE -> {
        if (type.equals("year")) {
          value = rs.getBigDecimal(i);
        } else {
          value = temporal(rs.getString(i), LocalDate.class);
        }
      }
      case Types.TIME, Types.TIME_WITH_TIMEZONE ->
          value = temporal(rs.getString(i), LocalTime.class);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          value = temporal(rs.getString(i), LocalDateTime.class);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] bytes = rs.getBytes(i);
        value = bytes == null ? null : new Bytes(bytes);
      }
      default -> {
        String text = rs.getString(i);
        // PostgreSQL's character(n), MySQL's CHAR: the padding is not part of the value (MySQL
        // strips it when it reads a CHAR, as the driver does for PostgreSQL's)
        value =
            text != null && side == Side.POSTGRES && type.equals("bpchar")
                ? text.replaceAll(" +$", "")
                : text;
      }
    }
    return value;
  }

  /**
   * Parses a server's text for a temporal value; text that is no valid value of {@code kind} (MySQL
   * TIME beyond 24 h, a zero date) stays text and so equals only the same text.
   */
  static Object temporal(String text, Class<? extends Temporal> kind) {
    if (text == null) {
      return null;
    }
    try {
      if (kind == LocalDate.class) {
        return LocalDate.parse(text);
      }
      if (kind == LocalTime.class) {
        return LocalTime.parse(text).truncatedTo(ChronoUnit.MICROS);
      }
      String iso = text.trim().replace(' ', 'T');
      int timeStart = iso.indexOf('T');
      int offsetAt = -1;
      for (int p = Math.max(timeStart, 0); p < iso.length(); p++) {
        char c = iso.charAt(p);
        if (c == '+' || c == '-' || c == 'Z') {
          offsetAt = p;
          break;
        }
      }
      if (offsetAt > 0) {
        String offset = iso.substring(offsetAt);
        if (offset.length() == 3) {
          offset = offset + ":00";
        }
        return OffsetDateTime.parse(iso.substring(0, offsetAt) + offset)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .toLocalDateTime()
            .truncatedTo(ChronoUnit.MICROS);
      }
      if (timeStart < 0) {
        return LocalDate.parse(iso).atStartOfDay();
      }
      return LocalDateTime.parse(iso).truncatedTo(ChronoUnit.MICROS);
    } catch (RuntimeException e) {
      return text;
    }
  }

  /**
   * The first difference between two results, or empty when they are equal under the rules in this
   * class's documentation.
   *
   * @param ordered whether row order counts (the statement has a top-level ORDER BY)
   * @param clockColumns lower-case labels of server-clock columns (write comparisons only)
   */
  static Optional<String> difference(
      Result mysql, Result postgres, boolean ordered, Set<String> clockColumns) {
    if (mysql.columns().size() != postgres.columns().size()) {
      return Optional.of(
          "column count "
              + mysql.columns().size()
              + " vs "
              + postgres.columns().size()
              + describe(mysql, postgres));
    }
    int n = mysql.columns().size();
    boolean[] json = new boolean[n];
    boolean[] approx = new boolean[n];
    boolean[] clock = new boolean[n];
    for (int c = 0; c < n; c++) {
      Column a = mysql.columns().get(c);
      Column b = postgres.columns().get(c);
      json[c] = a.json() || b.json();
      approx[c] = a.approximate() || b.approximate();
      clock[c] = a.label() != null && clockColumns.contains(a.label().toLowerCase(Locale.ROOT));
      if (a.label() != null
          && b.label() != null
          && IDENTIFIER.matcher(a.label()).matches()
          && !a.label().equalsIgnoreCase(b.label())) {
        return Optional.of(
            "column " + (c + 1) + " label '" + a.label() + "' vs '" + b.label() + "'");
      }
    }
    if (mysql.rows().size() != postgres.rows().size()) {
      return Optional.of(
          "row count "
              + mysql.rows().size()
              + " vs "
              + postgres.rows().size()
              + describe(mysql, postgres));
    }
    if (ordered) {
      for (int r = 0; r < mysql.rows().size(); r++) {
        List<Object> a = mysql.rows().get(r);
        List<Object> b = postgres.rows().get(r);
        for (int c = 0; c < n; c++) {
          if (!cellsEqual(a.get(c), b.get(c), json[c], approx[c], clock[c])) {
            return Optional.of(
                "row "
                    + (r + 1)
                    + " column "
                    + mysql.columns().get(c).label()
                    + ": "
                    + show(a.get(c))
                    + " vs "
                    + show(b.get(c))
                    + describe(mysql, postgres));
          }
        }
      }
      return Optional.empty();
    }
    boolean[] used = new boolean[postgres.rows().size()];
    for (List<Object> a : mysql.rows()) {
      boolean found = false;
      for (int r = 0; r < postgres.rows().size() && !found; r++) {
        if (!used[r] && rowsEqual(a, postgres.rows().get(r), json, approx, clock)) {
          used[r] = true;
          found = true;
        }
      }
      if (!found) {
        return Optional.of(
            "row "
                + a
                + " has no equal row on the other side (rows compared unordered)"
                + describe(mysql, postgres));
      }
    }
    return Optional.empty();
  }

  private static boolean rowsEqual(
      List<Object> a, List<Object> b, boolean[] json, boolean[] approx, boolean[] clock) {
    for (int c = 0; c < a.size(); c++) {
      if (!cellsEqual(a.get(c), b.get(c), json[c], approx[c], clock[c])) {
        return false;
      }
    }
    return true;
  }

  /** Value equality under this class's rules. */
  static boolean cellsEqual(Object a, Object b, boolean json, boolean approx, boolean clock) {
    if (a == null || b == null) {
      return a == b;
    }
    if (json) {
      Object ja = asJson(a);
      Object jb = asJson(b);
      if (ja != null && jb != null) {
        return ja.equals(jb);
      }
    }
    if (approx || a instanceof Approx || b instanceof Approx) {
      Double da = asDouble(a);
      Double db = asDouble(b);
      if (da == null || db == null) {
        return false;
      }
      if (da.equals(db)) {
        return true;
      }
      double scale = Math.max(Math.abs(da), Math.abs(db));
      return Math.abs(da - db) <= RELATIVE_TOLERANCE * scale;
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Bytes x && b instanceof String s) {
      return s.equals(new String(x.value(), StandardCharsets.UTF_8));
    }
    if (b instanceof Bytes x && a instanceof String s) {
      return s.equals(new String(x.value(), StandardCharsets.UTF_8));
    }
    if (clock && a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return Duration.between(x, y).abs().getSeconds() <= CLOCK_TOLERANCE_SECONDS;
    }
    if (a instanceof Json x && b instanceof Json y) {
      return x.text().equals(y.text());
    }
    return a.equals(b);
  }

  private static Object asJson(Object v) {
    try {
      if (v instanceof String s) {
        return JsonValue.parse(s);
      }
      if (v instanceof Json j) {
        return JsonValue.parse(j.text());
      }
      if (v instanceof Bytes b) {
        return JsonValue.parse(new String(b.value(), StandardCharsets.UTF_8));
      }
      if (v instanceof BigDecimal d) {
        return JsonValue.parse(d.toPlainString());
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static Double asDouble(Object v) {
    if (v instanceof Approx a) {
      return a.value();
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    return null;
  }

  private static String show(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String s) {
      return "'" + s + "' (text)";
    }
    return v + " (" + v.getClass().getSimpleName() + ")";
  }

  private static String describe(Result mysql, Result postgres) {
    return "\n MySQL:      " + mysql + "\n PostgreSQL: " + postgres;
  }
}
