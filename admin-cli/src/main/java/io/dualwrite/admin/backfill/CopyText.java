package io.dualwrite.admin.backfill;

import io.dualwrite.admin.backfill.TableInfo.Col;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A MySQL value as PostgreSQL's {@code COPY} text format reads it into the column the rewriter
 * created for it (rewriter {@code TypeMapping}): {@code \N} for NULL; numbers and dates as MySQL
 * prints them; TINYINT, YEAR and BIT(1) (smallint on PostgreSQL) as integers; FLOAT and DOUBLE as
 * the shortest decimal that reads back to the same binary value; bytes as bytea hex; text, ENUM,
 * SET and JSON as text, with COPY's backslash escapes. DATETIME and TIMESTAMP are read as MySQL
 * prints them in the server's time zone, as the driver mirrors them.
 */
final class CopyText {
  private CopyText() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static void append(StringBuilder out, ResultSet rs, int index, Col c) throws SQLException {
    switch (c.mysqlType()) {
      case "tinyint", "year" -> {
        int v = rs.getInt(index);
        out.append(rs.wasNull() ? "\\N" : Integer.toString(v));
      }
      case "bit" -> {
        byte[] b = rs.getBytes(index);
        if (b == null) {
          out.append("\\N");
        } else {
          long v = 0;
          for (byte x : b) {
            v = (v << 8) | (x & 0xff);
          }
          out.append(v);
        }
      }
      case "float", "double", "real" -> {
        double v = rs.getDouble(index);
        out.append(rs.wasNull() ? "\\N" : Double.toString(v));
      }
      default -> {
        if (c.binary() && (c.pgType() == null || c.pgType().equals("bytea"))) {
          byte[] b = rs.getBytes(index);
          if (b == null) {
            out.append("\\N");
          } else {
            out.append("\\\\x");
            for (byte x : b) {
              out.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
            }
          }
        } else {
          String v = rs.getString(index);
          if (v == null) {
            out.append("\\N");
          } else {
            escape(out, v);
          }
        }
      }
    }
  }

  static void escape(StringBuilder out, String v) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
  }
}
