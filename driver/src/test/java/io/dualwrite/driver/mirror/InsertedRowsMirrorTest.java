package io.dualwrite.driver.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.driver.mirror.InsertedRowsMirror.Family;
import io.dualwrite.driver.mirror.InsertedRowsMirror.ReadBack;
import io.dualwrite.rewriter.ColumnInfo;
import io.dualwrite.rewriter.TableInfo;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link InsertedRowsMirror} that the embedded MariaDB cannot show: its {@code
 * innodb_autoinc_lock_mode} is 1 and cannot change at runtime, and other {@code
 * auto_increment_increment} values need a server set up for them. The MySQL read-back runs against
 * a stub connection that answers the read-back query with given rows ({@code lock mode, increment,
 * key, columns...}); everything else is covered by {@code InsertedRowsMirrorIT}.
 */
class InsertedRowsMirrorTest {

  private static final TableInfo EVENTS =
      new TableInfo(
          "events",
          List.of(
              new ColumnInfo("id", "bigint(20)", false, true, false, false),
              new ColumnInfo("label", "varchar(20)", true, false, false, true)),
          List.of("id"),
          List.of());

  /** A connection whose every query returns {@code rows}; the SQL it was given is recorded. */
  private static Connection answering(List<Object[]> rows, List<String> sqlSeen) {
    return (Connection)
        Proxy.newProxyInstance(
            InsertedRowsMirrorTest.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")) {
                sqlSeen.add((String) args[0]);
                return statement(rows);
              }
              if (method.getName().equals("createStatement")) {
                // SELECT @@innodb_autoinc_lock_mode: the first row's first column
                Object mode = rows.isEmpty() ? 1 : rows.get(0)[0];
                return statement(List.<Object[]>of(new Object[] {mode}));
              }
              if (method.getName().equals("getTransactionIsolation")) {
                return Connection.TRANSACTION_REPEATABLE_READ;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static PreparedStatement statement(List<Object[]> rows) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            InsertedRowsMirrorTest.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setLong", "close" -> null;
                  case "executeQuery" -> resultSet(rows);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static ResultSet resultSet(List<Object[]> rows) {
    int[] at = {-1};
    Object[] last = {null};
    return (ResultSet)
        Proxy.newProxyInstance(
            InsertedRowsMirrorTest.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "next":
                  return ++at[0] < rows.size();
                case "close":
                  return null;
                case "wasNull":
                  return last[0] == null;
                default:
                  break;
              }
              Object v = rows.get(at[0])[(Integer) args[0] - 1];
              last[0] = v;
              return switch (method.getName()) {
                case "getInt" -> v == null ? 0 : ((Number) v).intValue();
                case "getLong" -> v == null ? 0L : ((Number) v).longValue();
                case "getString" -> v == null ? null : v.toString();
                default -> throw new UnsupportedOperationException(method.getName());
              };
            });
  }

  private static List<Object[]> rows(Object[]... rows) {
    return new ArrayList<>(List.of(rows));
  }

  @Test
  void insertSelectUnderInterleavedLockModeIsReadBackOnlyWhenExactlyItsRowsAreFound()
      throws SQLException {
    // lock mode 2: every row from the first key on; exactly as many as inserted are its own
    Connection exact = answering(rows(new Object[] {2, 1, 10L, 10L, "a"}), new ArrayList<>());
    ReadBack read = InsertedRowsMirror.readMysql(exact, EVENTS, 10, 1, 1, true);
    assertThat(read.keys()).containsExactly(10L);
    // one more row than inserted: another statement's row is among them
    Connection more =
        answering(
            rows(new Object[] {2, 1, 10L, 10L, "a"}, new Object[] {2, 1, 11L, 11L, "other"}),
            new ArrayList<>());
    ReadBack refused = InsertedRowsMirror.readMysql(more, EVENTS, 10, 1, 1, true);
    assertThat(refused.rows()).isNull();
    assertThat(refused.reason()).contains("innodb_autoinc_lock_mode is 2");
  }

  @Test
  void valuesInsertUnderInterleavedLockModeIsReadBack() throws SQLException {
    List<String> sql = new ArrayList<>();
    Connection mysql =
        answering(
            rows(new Object[] {2, 1, 10L, 10L, "a"}, new Object[] {2, 1, 12L, 12L, "c"}), sql);
    ReadBack read = InsertedRowsMirror.readMysql(mysql, EVENTS, 10, 3, 2, false);
    assertThat(read.reason()).isNull();
    assertThat(read.keys()).containsExactly(10L, 12L);
    assertThat(read.rows()).extracting(r -> r[1]).containsExactly("a", "c");
    assertThat(sql)
        .singleElement()
        .asString()
        .contains("FROM `events` WHERE `id` BETWEEN ? AND ? + ? * @@auto_increment_increment");
  }

  @Test
  void keysOfAnotherAutoIncrementOffsetAreNotTheStatements() throws SQLException {
    // auto_increment_increment 2 from key 11: 12 belongs to another server's offset
    Connection mysql =
        answering(
            rows(
                new Object[] {1, 2, 11L, 11L, "a"},
                new Object[] {1, 2, 12L, 12L, "other"},
                new Object[] {1, 2, 13L, 13L, "b"}),
            new ArrayList<>());
    ReadBack read = InsertedRowsMirror.readMysql(mysql, EVENTS, 11, 2, 2, true);
    assertThat(read.keys()).containsExactly(11L, 13L);
    assertThat(read.rows()).extracting(r -> r[1]).containsExactly("a", "b");
  }

  @Test
  void moreOrFewerRowsThanInsertedAreNotReadBack() throws SQLException {
    Connection two =
        answering(
            rows(new Object[] {1, 1, 5L, 5L, "a"}, new Object[] {1, 1, 6L, 6L, "b"}),
            new ArrayList<>());
    assertThat(InsertedRowsMirror.readMysql(two, EVENTS, 5, 3, 1, false).reason())
        .contains("more than 1 rows in the statement's key range");
    assertThat(InsertedRowsMirror.readMysql(two, EVENTS, 5, 3, 3, false).reason())
        .contains("2 rows in the statement's key range, 3 inserted");
  }

  @Test
  void moreRowsThanTheCapAreNotReadBack() throws SQLException {
    List<String> sql = new ArrayList<>();
    Connection none = answering(rows(), sql);
    assertThat(
            InsertedRowsMirror.readMysql(
                    none,
                    EVENTS,
                    1,
                    InsertedRowsMirror.MAX_ROWS + 1,
                    InsertedRowsMirror.MAX_ROWS + 1,
                    true)
                .reason())
        .contains("10001 rows inserted");
    assertThat(
            InsertedRowsMirror.readMysql(none, EVENTS, 1, InsertedRowsMirror.MAX_ROWS + 1, 5, false)
                .reason())
        .contains("tried to insert 10001 rows");
    assertThat(sql).isEmpty();
  }

  @Test
  void aTableWithAColumnOfAnUnknownTypeIsNotReadBack() throws SQLException {
    TableInfo shapes =
        new TableInfo(
            "shapes",
            List.of(
                new ColumnInfo("id", "int(11)", false, true, false, false),
                new ColumnInfo("area", "geometry", true, false, false, false)),
            List.of("id"),
            List.of());
    assertThat(
            InsertedRowsMirror.readMysql(
                    answering(rows(), new ArrayList<>()), shapes, 1, 1, 1, true)
                .reason())
        .contains("column area has type geometry");
  }

  @Test
  void columnTypesMapToHowTheirValuesCross() {
    assertThat(Family.of("tinyint(1)")).isEqualTo(Family.INTEGER);
    assertThat(Family.of("bit(1)")).isEqualTo(Family.INTEGER);
    assertThat(Family.of("bit(8)")).isEqualTo(Family.INTEGER);
    assertThat(Family.of("bit(64)")).isNull();
    assertThat(Family.of("year(4)")).isEqualTo(Family.INTEGER);
    assertThat(Family.of("int(10) unsigned")).isEqualTo(Family.INTEGER);
    assertThat(Family.of("bigint(20)")).isEqualTo(Family.INTEGER);
    assertThat(Family.of("bigint(20) unsigned")).isEqualTo(Family.DECIMAL);
    assertThat(Family.of("decimal(10,2)")).isEqualTo(Family.DECIMAL);
    assertThat(Family.of("float")).isEqualTo(Family.FLOAT);
    assertThat(Family.of("double")).isEqualTo(Family.DOUBLE);
    assertThat(Family.of("enum('a','b')")).isEqualTo(Family.STRING);
    assertThat(Family.of("set('a','b')")).isEqualTo(Family.STRING);
    assertThat(Family.of("longtext")).isEqualTo(Family.STRING);
    assertThat(Family.of("varbinary(16)")).isEqualTo(Family.BYTES);
    assertThat(Family.of("datetime(6)")).isEqualTo(Family.TEXT);
    assertThat(Family.of("timestamp")).isEqualTo(Family.TEXT);
    assertThat(Family.of("time(3)")).isEqualTo(Family.TEXT);
    assertThat(Family.of("json")).isEqualTo(Family.TEXT);
    assertThat(Family.of("point")).isNull();
  }
}
