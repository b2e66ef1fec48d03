package io.dualwrite.admin.verify;

import io.dualwrite.driver.Phase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One of the two databases, with what differs between them for the admin tool: identifier quoting,
 * how a column's value is read (so MySQL's TINYINT(1) and YEAR come back as numbers, as
 * PostgreSQL's smallint does), and how a value read on either side is bound so the other side
 * accepts it.
 */
public enum Side {
  MYSQL("MySQL"),
  POSTGRES("PostgreSQL");

  private final String label;

  Side(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Side other() {
    return this == MYSQL ? POSTGRES : MYSQL;
  }

  public static Side of(Phase.Side side) {
    return side == Phase.Side.MYSQL ? MYSQL : POSTGRES;
  }

  /** {@code name} as a quoted identifier: backquotes on MySQL, double quotes on PostgreSQL. */
  public String quote(String name) {
    return this == MYSQL
        ? "`" + name.replace("`", "``") + "`"
        : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * The value of column {@code index} (1-based) of {@code rs}. MySQL TINYINT and YEAR are read as
   * integers: Connector/J's {@code getObject} turns TINYINT(1) into a Boolean (losing values other
   * than 0 and 1) and YEAR into a date, while PostgreSQL holds both as smallint. CHAR is read
   * without its trailing spaces on both sides, as MySQL reads it.
   */
  public Object read(ResultSet rs, int index, Column column) throws SQLException {
    String type = column.mysqlType().toLowerCase(Locale.ROOT);
    if (this == MYSQL && (type.equals("tinyint") || type.equals("year"))) {
      int v = rs.getInt(index);
      return rs.wasNull() ? null : v;
    }
    if (type.equals("time")) {
      // as LocalTime: java.sql.Time (getObject's) keeps milliseconds only, so TIME(6) values one
      // microsecond apart would compare equal
      try {
        return rs.getObject(index, java.time.LocalTime.class);
      } catch (SQLException | RuntimeException e) {
        // a MySQL TIME outside 00:00-24:00 (no LocalTime): its text
        return rs.getString(index);
      }
    }
    if (type.equals("char")) {
      // a CHAR's trailing spaces are padding: MySQL drops them when it reads one, PostgreSQL's
      // character(n) pads to n
      String v = rs.getString(index);
      return v == null ? null : v.replaceAll(" +$", "");
    }
    return rs.getObject(index);
  }

  /** Binds {@code value}, read from either side, to a parameter for {@code column} on this side. */
  public void bind(PreparedStatement ps, int index, Object value, Column column)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (value instanceof byte[] bytes) {
      ps.setBytes(index, bytes);
    } else if (this == MYSQL) {
      if (isTemporal(value)) {
        // As text: Connector/J drops fractional seconds of temporal parameters when the server
        // version looks older than 5.6.4 (MariaDB announces itself as 5.5.5-...).
        ps.setString(index, temporalText(value));
      } else if (value instanceof Boolean || value instanceof Number) {
        ps.setObject(index, value);
      } else {
        // PGobject (json, jsonb) and anything else: its text.
        ps.setString(index, value.toString());
      }
    } else if (value instanceof Boolean b) {
      if ("boolean".equals(column.pgType())) {
        ps.setBoolean(index, b);
      } else {
        ps.setShort(index, (short) (b ? 1 : 0));
      }
    } else if (value instanceof BigInteger i) {
      ps.setBigDecimal(index, new BigDecimal(i));
    } else if (value instanceof Number || isTemporal(value)) {
      ps.setObject(index, value);
    } else if (value instanceof String s && column.pgText()) {
      ps.setString(index, s);
    } else {
      // Untyped text: PostgreSQL converts it to the column's type (jsonb, numeric, uuid, ...).
      ps.setObject(index, value.toString(), Types.OTHER);
    }
  }

  /** Binds a key value given as text ({@link KeyText}) for {@code column} on this side. */
  public void bindKeyText(PreparedStatement ps, int index, String text, Column column)
      throws SQLException {
    if (text == null) {
      ps.setNull(index, Types.NULL);
    } else if (column.binary()) {
      ps.setBytes(index, KeyText.parseHex(text));
    } else if (this == MYSQL) {
      ps.setString(index, text);
    } else if (column.pgText()) {
      ps.setString(index, text);
    } else {
      ps.setObject(index, text, Types.OTHER);
    }
  }

  /** A date, time or date-time as text MySQL reads back exactly (microseconds kept). */
  static String temporalText(Object v) {
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime().toString();
    }
    if (v instanceof java.time.OffsetDateTime t) {
      return KeyText.format(
          t.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime());
    }
    if (v instanceof java.util.Date
        && !(v instanceof java.sql.Date || v instanceof java.sql.Timestamp)) {
      return KeyText.format(new java.sql.Timestamp(((java.util.Date) v).getTime()));
    }
    return KeyText.format(v);
  }

  private static boolean isTemporal(Object v) {
    return v instanceof java.util.Date || v instanceof java.time.temporal.Temporal;
  }

  /** Hexadecimal without prefix, for messages about binary values. */
  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
