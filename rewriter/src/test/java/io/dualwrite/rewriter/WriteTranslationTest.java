package io.dualwrite.rewriter;

import static io.dualwrite.rewriter.Fixtures.PLAIN;
import static io.dualwrite.rewriter.Fixtures.WITH_CATALOG;
import static io.dualwrite.rewriter.Fixtures.col;
import static io.dualwrite.rewriter.Fixtures.pg;
import static io.dualwrite.rewriter.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.rewriter.Binding.AppParameter;
import io.dualwrite.rewriter.Binding.ComputedValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteTranslationTest {

  @Test
  void plainInsertKeepsParametersInOrder() {
    Translation t = PLAIN.translate("INSERT INTO `T` (`A`, b) VALUES (?, ?), (3, ?)");
    assertThat(t.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(t.postgresSql()).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?), (3, ?)");
    assertThat(t.parameterMap()).containsExactly(0, 1, 2);
    assertThat(t.tablesWritten()).containsExactly("t");
    assertThat(t.tablesRead()).isEmpty();
    assertThat(t.autoIncrement()).isNull();
  }

  @Test
  void insertSetBecomesColumnsAndValues() {
    assertThat(pg(PLAIN, "INSERT INTO t SET a = 1, b = ?"))
        .isEqualTo("INSERT INTO t (a, b) VALUES (1, ?)");
  }

  @Test
  void insertSelectReadsItsSource() {
    Translation t = PLAIN.translate("INSERT INTO t (a) SELECT x FROM u WHERE y > ?");
    assertThat(t.postgresSql()).isEqualTo("INSERT INTO t (a) SELECT x FROM u WHERE y > ?");
    assertThat(t.tablesRead()).containsExactly("u");
    assertThat(t.tablesWritten()).containsExactly("t");
  }

  @Test
  void onDuplicateKeyUpdateTargetsTheCoveredUniqueKey() {
    Translation t =
        WITH_CATALOG.translate(
            "INSERT INTO users (email, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name ="
                + " VALUES(name), age = age + 1");
    assertThat(t.kind()).isEqualTo(StatementKind.UPSERT);
    assertThat(t.postgresSql())
        .isEqualTo(
            "INSERT INTO users (email, name) VALUES (?, ?) ON CONFLICT (lower(email)) DO UPDATE SET"
                + " name = EXCLUDED.name, age = CAST(users.age AS bigint) + 1,"
                // the ON UPDATE CURRENT_TIMESTAMP column is set explicitly (TemporalDefaults)
                + " updated = date_trunc('second', LOCALTIMESTAMP)");
  }

  @Test
  void onDuplicateKeyUpdateOnThePrimaryKey() {
    assertThat(
            pg(
                "INSERT INTO counters (name, hits) VALUES ('a', 1) ON DUPLICATE KEY UPDATE hits = hits + 1"))
        .isEqualTo(
            "INSERT INTO counters (name, hits) VALUES ('a', 1) ON CONFLICT (lower(name)) DO UPDATE SET"
                + " hits = CAST(counters.hits AS bigint) + 1");
  }

  @Test
  void onDuplicateKeyUpdateWithSeveralPossibleKeysIsRefused() {
    Refusal r =
        refusal("INSERT INTO tags (a, b) VALUES ('x', 'y') ON DUPLICATE KEY UPDATE a = 'z'");
    assertThat(r.code()).isEqualTo("unsupported-syntax:ON DUPLICATE KEY UPDATE:ambiguous-key");
    assertThat(r.reason()).contains("(a)").contains("(b)");
  }

  @Test
  void onDuplicateKeyUpdateWithoutCatalogIsRefused() {
    Refusal r = refusal(PLAIN, "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2");
    assertThat(r.code()).isEqualTo("unsupported-syntax:ON DUPLICATE KEY UPDATE:no-catalog");
  }

  @Test
  void onDuplicateKeyUpdateReadingAnAssignedColumnIsRefused() {
    assertThat(
            refusal(
                    "INSERT INTO counters (name, hits) VALUES ('a', 1) ON DUPLICATE KEY UPDATE"
                        + " hits = hits + 1, name = hits")
                .code())
        .isEqualTo("unsupported-syntax:update-order");
  }

  @Test
  void insertIgnoreDoesNothingOnConflict() {
    Translation t = PLAIN.translate("INSERT IGNORE INTO t (a) VALUES (1)");
    assertThat(t.kind()).isEqualTo(StatementKind.INSERT_IGNORE);
    assertThat(t.postgresSql()).isEqualTo("INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING");
  }

  @Test
  void replaceOverwritesEveryColumnWithNewValuesOrDefaults() {
    Translation t = WITH_CATALOG.translate("REPLACE INTO counters (name, hits) VALUES (?, ?)");
    assertThat(t.kind()).isEqualTo(StatementKind.REPLACE);
    assertThat(t.postgresSql())
        .isEqualTo(
            "INSERT INTO counters (name, hits) VALUES (?, ?) ON CONFLICT (lower(name)) DO UPDATE SET hits"
                + " = EXCLUDED.hits");
    assertThat(pg("REPLACE INTO orders (id, total) VALUES (5, 1.5)"))
        .isEqualTo(
            "INSERT INTO orders (id, total) VALUES (5, 1.5) ON CONFLICT (id) DO UPDATE SET user_id"
                + " = DEFAULT, total = EXCLUDED.total, placed = DEFAULT, note = DEFAULT");
  }

  @Test
  void replaceIntoATableWithSeveralUniqueKeysDeletesTheRowsItReplacesFirst() {
    // MySQL deletes every row conflicting on either key; the insert reads the deletion's count,
    // so PostgreSQL runs the deletion first
    assertThat(pg("REPLACE INTO users (id, email) VALUES (1, 'a')"))
        .isEqualTo(
            "WITH dw_replaced AS (DELETE FROM users WHERE ((users.id) = (CAST(1 AS bigint))) OR"
                + " (lower(users.email) = lower(CAST('a' AS text))) RETURNING 1) INSERT INTO users"
                + " (id, email) SELECT 1, 'a' FROM (SELECT count(*) FROM dw_replaced) AS dw_d");
    // several rows (a later one may replace an earlier one): refused
    assertThat(refusal("REPLACE INTO users (id, email) VALUES (1, 'a'), (2, 'b')").code())
        .isEqualTo("unsupported-syntax:REPLACE:several-keys");
  }

  @Test
  void multiTableUpdateBecomesUpdateFrom() {
    Translation t = PLAIN.translate("UPDATE a JOIN b ON a.id = b.a_id SET a.x = b.y WHERE b.z = ?");
    assertThat(t.postgresSql())
        .isEqualTo("UPDATE a SET x = b.y FROM b WHERE (a.id = b.a_id) AND (b.z = ?)");
    assertThat(t.tablesWritten()).containsExactly("a");
    assertThat(t.tablesRead()).containsExactly("b");
  }

  @Test
  void multiTableUpdateOfTheJoinedTable() {
    assertThat(pg(PLAIN, "UPDATE a INNER JOIN b ON a.id = b.a_id SET b.y = a.x"))
        .isEqualTo("UPDATE b SET y = a.x FROM a WHERE a.id = b.a_id");
  }

  @Test
  void updatesOfSeveralTablesOrOuterJoinsAreRefused() {
    assertThat(refusal(PLAIN, "UPDATE a JOIN b ON a.id = b.id SET a.x = 1, b.y = 2").code())
        .isEqualTo("unsupported-syntax:multi-table-update");
    assertThat(refusal(PLAIN, "UPDATE a LEFT JOIN b ON a.id = b.id SET a.x = b.y").code())
        .isEqualTo("unsupported-syntax:outer-join-write");
    assertThat(refusal(PLAIN, "UPDATE a LEFT JOIN b ON a.id = b.id SET a.x = y").code())
        .isEqualTo("unsupported-syntax:outer-join-write");
  }

  @Test
  void outerJoinWritesSelectTheTargetRowsInASubquery() {
    Translation t =
        PLAIN.translate(
            "UPDATE chores c LEFT JOIN assignments a ON a.chore_id = c.id SET c.archived = 1,"
                + " c.n = c.n + ? WHERE a.id IS NULL");
    assertThat(t.postgresSql())
        .isEqualTo(
            "UPDATE chores AS c SET archived = 1, n = c.n + ? WHERE c.ctid IN (SELECT c.ctid FROM"
                + " chores AS c LEFT JOIN assignments AS a ON a.chore_id = c.id WHERE a.id IS"
                + " NULL)");
    assertThat(t.tablesWritten()).containsExactly("chores");
    assertThat(
            pg(
                PLAIN,
                "DELETE r FROM r LEFT JOIN u ON u.id = r.user_id AND u.role = 'child' WHERE u.id"
                    + " IS NULL"))
        .isEqualTo(
            "DELETE FROM r WHERE r.ctid IN (SELECT r.ctid FROM r LEFT JOIN u ON u.id = r.user_id"
                + " AND u.role = 'child' WHERE u.id IS NULL)");
    assertThat(refusal(PLAIN, "DELETE a FROM a FULL JOIN b ON a.id = b.id").code())
        .isEqualTo("unsupported-syntax:outer-join-write");
  }

  @Test
  void updateJoinedWithADerivedTableReadsItInFrom() {
    assertThat(
            pg(
                PLAIN,
                "UPDATE u JOIN (SELECT user_id, SUM(amount) AS total FROM r GROUP BY user_id) t ON"
                    + " t.user_id = u.id SET u.balance = u.balance + t.total"))
        .isEqualTo(
            "UPDATE u SET balance = u.balance + t.total FROM (SELECT user_id, sum(amount) AS total"
                + " FROM r GROUP BY user_id) AS t WHERE t.user_id = u.id");
    assertThat(
            refusal(PLAIN, "UPDATE u LEFT JOIN (SELECT 1 AS id) t ON t.id = u.id SET u.a = 1")
                .code())
        .isEqualTo("unsupported-syntax:update-join");
  }

  @Test
  void insertIgnoreTruncatesTooLongStringsAsMysqlDoes() {
    assertThat(pg("INSERT IGNORE INTO tags (a, b) VALUES (?, REPEAT('x', 20))"))
        .isEqualTo(
            "INSERT INTO tags (a, b) VALUES (left(CAST(? AS text), 10), left(repeat('x', 20), 10))"
                + " ON CONFLICT DO NOTHING");
    // a plain INSERT keeps the error (MySQL's strict mode rejects it too)
    assertThat(pg("INSERT INTO tags (a) VALUES ('x')"))
        .isEqualTo("INSERT INTO tags (a) VALUES ('x')");
  }

  @Test
  void deleteFromUsingIsTheMultiTableDelete() {
    assertThat(
            pg(
                PLAIN,
                "DELETE FROM a USING assignments AS a JOIN chores AS c ON c.id = a.chore_id WHERE"
                    + " c.frequency = 'monthly'"))
        .isEqualTo(
            "DELETE FROM assignments AS a USING chores AS c WHERE (c.id = a.chore_id) AND"
                + " (c.frequency = 'monthly')");
    assertThat(refusal(PLAIN, "DELETE FROM a, c USING a JOIN c ON c.id = a.id").code())
        .isEqualTo("unsupported-syntax:multi-table-delete");
  }

  @Test
  void multiTableDeleteBecomesDeleteUsing() {
    assertThat(pg(PLAIN, "DELETE t FROM t JOIN u ON t.id = u.t_id WHERE u.gone = 1"))
        .isEqualTo("DELETE FROM t USING u WHERE (t.id = u.t_id) AND (u.gone = 1)");
    assertThat(pg(PLAIN, "DELETE x FROM t AS x JOIN u y ON x.id = y.t_id"))
        .isEqualTo("DELETE FROM t AS x USING u AS y WHERE x.id = y.t_id");
    assertThat(refusal(PLAIN, "DELETE t, u FROM t JOIN u ON t.id = u.id").code())
        .isEqualTo("unsupported-syntax:multi-table-delete");
  }

  @Test
  void orderedLimitedWritesSelectTheSameRowsByCtid() {
    assertThat(pg("DELETE FROM orders WHERE total > 5 ORDER BY placed DESC LIMIT 2"))
        .isEqualTo(
            "DELETE FROM orders WHERE orders.ctid IN (SELECT orders.ctid FROM orders WHERE total >"
                + " 5 ORDER BY placed DESC NULLS LAST, orders.id LIMIT 2)");
    assertThat(pg(PLAIN, "UPDATE t SET a = 1 WHERE b = ? ORDER BY c LIMIT ?"))
        .isEqualTo(
            "UPDATE t SET a = 1 WHERE t.ctid IN (SELECT t.ctid FROM t WHERE b = ? ORDER BY c NULLS"
                + " FIRST LIMIT ?)");
  }

  @Test
  void limitIsDroppedWhenWhereFixesAUniqueKey() {
    assertThat(pg("UPDATE users SET age = 3 WHERE id = ? LIMIT 1"))
        .isEqualTo(
            "UPDATE users SET age = 3, updated = date_trunc('second', LOCALTIMESTAMP) WHERE id = ?");
    assertThat(pg("DELETE FROM users WHERE email = 'a@b' AND age > 3 LIMIT 1"))
        .isEqualTo("DELETE FROM users WHERE lower(email) = lower('a@b') AND age > 3");
  }

  @Test
  void limitedWritesWithoutOrderAreOrderedByANumericPrimaryKeyOnBothSides() {
    Translation d = Fixtures.WITH_CATALOG.translate("DELETE FROM users WHERE age = 3 LIMIT 1");
    assertThat(d.pinned().mysqlSql())
        .as("MySQL runs the ordered form too")
        .isEqualTo("DELETE FROM users WHERE age = 3 ORDER BY id LIMIT 1");
    assertThat(d.pinned().postgresSql())
        .isEqualTo(
            "DELETE FROM users WHERE users.ctid IN (SELECT users.ctid FROM users WHERE age = 3"
                + " ORDER BY id NULLS FIRST, users.id LIMIT 1)");
    assertThat(d.nonDeterministicCalls()).isEmpty();
    Translation u =
        Fixtures.WITH_CATALOG.translate(
            "UPDATE orders SET total = ? WHERE id = 1 OR id = 2 LIMIT ?");
    assertThat(u.pinned().mysqlSql())
        .isEqualTo("UPDATE orders SET total = ? WHERE id = 1 OR id = 2 ORDER BY id LIMIT ?");
    assertThat(u.pinned().postgresSql()).contains("ORDER BY id NULLS FIRST");
    // unknown key (no catalog): still refused
    assertThat(refusal(PLAIN, "DELETE FROM t LIMIT 10").code())
        .isEqualTo("unsupported-syntax:write-limit-unordered");
  }

  @Test
  void updateReadingAColumnAssignedEarlierSeesTheNewValueAsInMysql() {
    Translation t = PLAIN.translate("UPDATE t SET a = a + ?, b = a * 2, c = b WHERE a = ?");
    assertThat(t.postgresSql())
        .isEqualTo("UPDATE t SET a = a + ?, b = (a + ?) * 2, c = ((a + ?) * 2) WHERE a = ?");
    assertThat(t.parameterMap()).containsExactly(0, 0, 0, 1);
    assertThat(pg(PLAIN, "UPDATE t SET a = b, b = c")).isEqualTo("UPDATE t SET a = b, b = c");
  }

  @Test
  void orderDependentAssignmentsWithoutDefinedOrderAreRefused() {
    assertThat(refusal(PLAIN, "UPDATE t JOIN u ON t.id = u.id SET t.a = t.a + 1, t.b = t.a").code())
        .isEqualTo("unsupported-syntax:update-order");
    assertThat(refusal(PLAIN, "UPDATE t SET a = 1, b = (SELECT max(a) FROM u)").code())
        .isEqualTo("unsupported-syntax:update-order");
  }

  @Test
  void qualifiedSetTargetsLoseTheirQualifier() {
    assertThat(pg(PLAIN, "UPDATE t SET t.a = 1 WHERE t.b = 2"))
        .isEqualTo("UPDATE t SET a = 1 WHERE t.b = 2");
  }

  @Test
  void writeModifiersAreRefused() {
    assertThat(refusal(PLAIN, "UPDATE IGNORE t SET a = 1").code())
        .isEqualTo("unsupported-syntax:update-clause");
    assertThat(refusal(PLAIN, "INSERT LOW_PRIORITY INTO t (a) VALUES (1)").code())
        .isEqualTo("unsupported-syntax:insert-priority");
  }

  @Test
  void nonDeterministicCallsArePinnedOnBothSides() {
    Translation t = PLAIN.translate("UPDATE t SET at = NOW(3), token = UUID() WHERE id = ?");
    assertThat(t.nonDeterministicCalls())
        .containsExactly(new NonDeterministicCall("NOW", 3), new NonDeterministicCall("UUID", 0));
    assertThat(t.postgresSql())
        .isEqualTo(
            "UPDATE t SET at = LOCALTIMESTAMP(3), token = CAST(gen_random_uuid() AS text) WHERE id = ?");
    PinnedStatement p = t.pinned();
    assertThat(p.mysqlSql())
        .isEqualTo("UPDATE t SET at = CAST(? AS DATETIME(3)), token = ? WHERE id = ?");
    assertThat(p.mysqlBindings())
        .containsExactly(new ComputedValue(0), new ComputedValue(1), new AppParameter(0));
    assertThat(p.postgresSql())
        .isEqualTo(
            "UPDATE t SET at = CAST(? AS timestamp(3)), token = CAST(? AS text) WHERE id = ?");
    assertThat(p.postgresBindings()).isEqualTo(p.mysqlBindings());
  }

  @Test
  void pinnedBindingsFollowTranslatedParameterOrder() {
    // GREATEST repeats its arguments on PostgreSQL: each '?' is bound again
    Translation t =
        PLAIN.translate("INSERT INTO t (a, b) VALUES (GREATEST(?, NOW()), CURRENT_TIMESTAMP)");
    assertThat(t.nonDeterministicCalls())
        .extracting(NonDeterministicCall::function)
        .containsExactly("NOW", "CURRENT_TIMESTAMP");
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "INSERT INTO t (a, b) VALUES (GREATEST(?, CAST(? AS DATETIME)), CAST(? AS DATETIME))");
    assertThat(t.pinned().postgresBindings())
        .containsExactly(
            new AppParameter(0),
            new ComputedValue(0),
            new AppParameter(0),
            new ComputedValue(0),
            new ComputedValue(1));
    assertThat(t.parameterMap()).containsExactly(0, 0);
  }

  @Test
  void statementConstantCallsShareOneValue() {
    Translation t =
        PLAIN.translate(
            "DELETE FROM t WHERE at BETWEEN NOW() - INTERVAL 1 DAY AND NOW() AND k <> UUID()"
                + " AND j <> UUID()");
    assertThat(t.nonDeterministicCalls())
        .containsExactly(
            new NonDeterministicCall("NOW", 0),
            new NonDeterministicCall("UUID", 0),
            new NonDeterministicCall("UUID", 0));
    assertThat(t.pinned().mysqlBindings())
        .containsExactly(
            new ComputedValue(0), new ComputedValue(0), new ComputedValue(1), new ComputedValue(2));
  }

  @Test
  void deterministicWritesHaveNoPinnedStatement() {
    Translation t = PLAIN.translate("UPDATE t SET a = ? WHERE id = 1");
    assertThat(t.nonDeterministicCalls()).isEmpty();
    assertThat(t.pinned()).isNull();
  }

  @Test
  void autoIncrementKeysAreAddedForInsertsThatOmitThem() {
    Translation t =
        WITH_CATALOG.translate("INSERT INTO orders (user_id, total) VALUES (?, 1), (?, 2)");
    AutoIncrement ai = t.autoIncrement();
    assertThat(ai.table()).isEqualTo("orders");
    assertThat(ai.column()).isEqualTo("id");
    assertThat(ai.suppliedByStatement()).isFalse();
    assertThat(ai.rowCount()).isEqualTo(2);
    assertThat(ai.postgresSqlWithKeys())
        .isEqualTo("INSERT INTO orders (user_id, total, id) VALUES (?, 1, ?), (?, 2, ?)");
    assertThat(ai.postgresKeyBindings())
        .containsExactly(
            new KeyBinding.AppParameter(0),
            new KeyBinding.GeneratedKey(0),
            new KeyBinding.AppParameter(1),
            new KeyBinding.GeneratedKey(1));
  }

  @Test
  void insertIntoTableTheCatalogDoesNotKnowNamesItsTableAndColumns() {
    Translation listed = PLAIN.translate("INSERT INTO `Orders` (`ID`, total) VALUES (?, 1)");
    assertThat(listed.autoIncrement()).isNull();
    assertThat(listed.uncataloguedInsert())
        .isEqualTo(new UncataloguedInsert("orders", List.of("id", "total")));
    assertThat(listed.uncataloguedInsert().names("id")).isTrue();
    Translation set = PLAIN.translate("INSERT INTO orders SET total = 2");
    assertThat(set.uncataloguedInsert().names("id")).isFalse();
    Translation allColumns = PLAIN.translate("INSERT INTO orders VALUES (1, 2)");
    assertThat(allColumns.uncataloguedInsert().columns()).isNull();
    assertThat(allColumns.uncataloguedInsert().names("id")).isTrue();
    assertThat(
            PLAIN.translate("INSERT INTO orders (total) VALUES (1), (2), (3)").uncataloguedInsert())
        .isEqualTo(new UncataloguedInsert("orders", List.of("total")));
  }

  @Test
  void insertIntoCataloguedTableIsNotUncatalogued() {
    assertThat(
            WITH_CATALOG
                .translate("INSERT INTO orders (user_id, total) VALUES (?, 1)")
                .uncataloguedInsert())
        .isNull();
    assertThat(PLAIN.translate("UPDATE orders SET total = 1").uncataloguedInsert()).isNull();
  }

  @Test
  void autoIncrementNullOrZeroMeansGenerate() {
    Translation t = WITH_CATALOG.translate("INSERT INTO orders (id, total) VALUES (NULL, 1)");
    assertThat(t.postgresSql()).isEqualTo("INSERT INTO orders (id, total) VALUES (DEFAULT, 1)");
    assertThat(t.autoIncrement().suppliedByStatement()).isFalse();
    assertThat(t.autoIncrement().postgresSqlWithKeys())
        .isEqualTo("INSERT INTO orders (id, total) VALUES (?, 1)");
    assertThat(t.autoIncrement().postgresKeyBindings())
        .containsExactly(new KeyBinding.GeneratedKey(0));
  }

  @Test
  void suppliedAutoIncrementNeedsNoKeyPlan() {
    Translation t = WITH_CATALOG.translate("INSERT INTO orders (id, total) VALUES (?, 1)");
    assertThat(t.autoIncrement().suppliedByStatement()).isTrue();
    assertThat(t.autoIncrement().postgresSqlWithKeys()).isNull();
    assertThat(t.autoIncrement().postgresKeyBindings()).isEmpty();
  }

  @Test
  void keyPlanLiftsNonDeterministicCallsToo() {
    Translation t = WITH_CATALOG.translate("INSERT INTO orders (placed) VALUES (CURDATE())");
    assertThat(t.autoIncrement().postgresSqlWithKeys())
        .isEqualTo("INSERT INTO orders (placed, id) VALUES (CAST(? AS date), ?)");
    assertThat(t.autoIncrement().postgresKeyBindings())
        .containsExactly(new KeyBinding.ComputedValue(0), new KeyBinding.GeneratedKey(0));
  }

  @Test
  void insertSelectHasNoKeyPlan() {
    Translation t = WITH_CATALOG.translate("INSERT INTO orders (total) SELECT hits FROM counters");
    assertThat(t.autoIncrement().suppliedByStatement()).isFalse();
    assertThat(t.autoIncrement().postgresSqlWithKeys()).isNull();
    assertThat(t.autoIncrement().rowCount()).isZero();
  }

  @Test
  void rowAliasMeansExcluded() {
    Translation t =
        WITH_CATALOG.translate(
            "INSERT INTO counters (name, hits) VALUES (?, 1) AS new ON DUPLICATE KEY UPDATE hits"
                + " = counters.hits + new.hits, name = NOW()");
    assertThat(t.postgresSql())
        .isEqualTo(
            "INSERT INTO counters (name, hits) VALUES (?, 1) ON CONFLICT (lower(name)) DO UPDATE SET hits"
                + " = CAST(counters.hits AS bigint) + EXCLUDED.hits, name = date_trunc('second', LOCALTIMESTAMP)");
    // the MySQL side of the pinned statement keeps the meaning without the alias
    assertThat(t.pinned().mysqlSql())
        .isEqualTo(
            "INSERT INTO counters (name, hits) VALUES (?, 1) ON DUPLICATE KEY UPDATE hits ="
                + " counters.hits + VALUES(hits), name = CAST(? AS DATETIME)");
  }

  @Test
  void rowAliasColumnAliasesMeanTheInsertedColumns() {
    Translation t =
        WITH_CATALOG.translate(
            "INSERT INTO counters (name, hits) VALUES ('a', 1) AS new(n, h) ON DUPLICATE KEY"
                + " UPDATE hits = counters.hits + new.h");
    assertThat(t.postgresSql())
        .isEqualTo(
            "INSERT INTO counters (name, hits) VALUES ('a', 1) ON CONFLICT (lower(name)) DO UPDATE"
                + " SET hits = CAST(counters.hits AS bigint) + EXCLUDED.hits");
    // the number of aliases must match the inserted columns
    assertThat(
            refusal(
                    "INSERT INTO counters (name, hits) VALUES ('a', 1) AS new(n) ON DUPLICATE"
                        + " KEY UPDATE hits = new.n")
                .code())
        .isEqualTo("unsupported-syntax:row-alias-columns");
  }

  @Test
  void theAliasOfASelectsLastTableIsNotARowAlias() {
    // INSERT ... SELECT ... AS d ON DUPLICATE KEY UPDATE: AS names the derived table
    assertThat(
            pg(
                "INSERT INTO counters (name, hits) SELECT d.n, d.h FROM (SELECT name AS n, hits AS"
                    + " h FROM counters) AS d ON DUPLICATE KEY UPDATE hits = VALUES(hits) + 1"))
        .isEqualTo(
            "INSERT INTO counters (name, hits) SELECT d.n, d.h FROM (SELECT name AS n, hits AS h"
                + " FROM counters) AS d ON CONFLICT (lower(name)) DO UPDATE SET hits ="
                + " EXCLUDED.hits + 1");
    // MySQL reads the SELECT's row there; ON CONFLICT DO UPDATE cannot see it
    assertThat(
            refusal(
                    "INSERT INTO counters (name, hits) SELECT d.n, d.h FROM (SELECT name AS n, hits"
                        + " AS h FROM counters) AS d ON DUPLICATE KEY UPDATE hits = d.h + 1")
                .code())
        .isEqualTo("unsupported-syntax:upsert-select-reference");
    assertThat(
            pg(
                "INSERT INTO counters SET name = 'a', hits = 1 AS new ON DUPLICATE KEY UPDATE hits"
                    + " = new.hits"))
        .endsWith("DO UPDATE SET hits = EXCLUDED.hits");
  }

  @Test
  void aTableNamedValueIsNotTheValueKeyword() {
    Rewriter rewriter =
        Rewriter.builder()
            .catalog(
                SchemaCatalog.of(
                    new TableInfo(
                        "value",
                        List.of(col("id", "int(11)"), col("v", "int(11)")),
                        List.of("id"),
                        List.of())))
            .build();
    assertThat(
            refusal(
                    rewriter,
                    "INSERT INTO value (id, v) SELECT id, v * 2 FROM s2 AS x ON DUPLICATE KEY"
                        + " UPDATE v = x.v")
                .code())
        .isEqualTo("unsupported-syntax:upsert-select-reference");
    assertThat(
            pg(
                rewriter,
                "INSERT INTO value (id, v) VALUES (1, 2) AS x ON DUPLICATE KEY UPDATE"
                    + " v = x.v"))
        .endsWith("DO UPDATE SET v = EXCLUDED.v");
  }

  @Test
  void lastInsertIdWithAnArgumentStoresTheArgument() {
    assertThat(
            pg(
                "INSERT INTO counters (name, hits) VALUES ('a', 1) ON DUPLICATE KEY UPDATE hits ="
                    + " LAST_INSERT_ID(hits + 1)"))
        .endsWith("DO UPDATE SET hits = (CAST(counters.hits AS bigint) + 1)");
    assertThat(refusal(PLAIN, "SELECT LAST_INSERT_ID(5)").code())
        .isEqualTo("driver-intercepted:LAST_INSERT_ID");
  }

  @Test
  void lastInsertIdInAWriteIsPinnedOnceForTheStatement() {
    Translation t =
        PLAIN.translate(
            "INSERT INTO child (parent_id, note) VALUES (LAST_INSERT_ID(), ?),"
                + " (LAST_INSERT_ID(), 'b')");
    assertThat(t.isRefused()).as(String.valueOf(t.refusal())).isFalse();
    assertThat(t.nonDeterministicCalls())
        .containsExactly(new NonDeterministicCall("LAST_INSERT_ID", 0));
    PinnedStatement p = t.pinned();
    assertThat(p.mysqlSql())
        .isEqualTo(
            // LAST_INSERT_ID() is a BIGINT UNSIGNED: LAST_INSERT_ID() - 10 below 10 is out of range
            "INSERT INTO child (parent_id, note) VALUES (CAST(? AS UNSIGNED), ?),"
                + " (CAST(? AS UNSIGNED), 'b')");
    assertThat(p.mysqlBindings())
        .containsExactly(new ComputedValue(0), new AppParameter(0), new ComputedValue(0));
    assertThat(p.postgresSql())
        .isEqualTo(
            "INSERT INTO child (parent_id, note) VALUES (CAST(? AS bigint), ?),"
                + " (CAST(? AS bigint), 'b')");
    assertThat(
            PLAIN
                .translate("UPDATE t SET parent_id = LAST_INSERT_ID() WHERE id = 3")
                .pinned()
                .postgresSql())
        .isEqualTo("UPDATE t SET parent_id = CAST(? AS bigint) WHERE id = 3");
    assertThat(refusal(PLAIN, "SELECT LAST_INSERT_ID()").code())
        .isEqualTo("driver-intercepted:LAST_INSERT_ID");
  }

  @Test
  void aColumnNamedUserIsAColumn_regressionRefusedAsFunctionUser() {
    assertThat(pg(PLAIN, "UPDATE u SET user='bob' WHERE id = 1"))
        .isEqualTo("UPDATE u SET \"user\" = 'bob' WHERE id = 1");
    assertThat(pg(PLAIN, "INSERT INTO u (id, user) VALUES (1, 'bob')"))
        .isEqualTo("INSERT INTO u (id, \"user\") VALUES (1, 'bob')");
    assertThat(pg(PLAIN, "SELECT user FROM u WHERE user = 'bob'"))
        .isEqualTo("SELECT \"user\" FROM u WHERE \"user\" = 'bob'");
    // the functions stay functions
    assertThat(refusal(PLAIN, "UPDATE u SET who = USER()").code())
        .isEqualTo("unsupported-function:USER");
    assertThat(refusal(PLAIN, "UPDATE u SET who = CURRENT_USER").code())
        .isEqualTo("unsupported-function:CURRENT_USER");
  }
}
