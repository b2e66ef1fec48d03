package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import io.dualwrite.testkit.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalog as MariaDB's information_schema describes real tables. */
@ExtendWith(TestDatabases.class)
class InformationSchemaCatalogIT {

  private static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  @Test
  void readsColumnsKeysAutoIncrementAndCollations(DatabasePair db) throws SQLException {
    try (Connection c = db.openMysql()) {
      exec(
          c,
          "CREATE TABLE Account (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " Email VARCHAR(100) COLLATE utf8mb4_general_ci NOT NULL,"
              + " token VARCHAR(40) COLLATE utf8mb4_bin,"
              + " org INT, slug VARCHAR(20),"
              + " flag TINYINT(1) DEFAULT 0,"
              + " updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
              + " UNIQUE KEY uk_email (Email), UNIQUE KEY uk_org_slug (org, slug), KEY k_org (org))"
              + " DEFAULT CHARSET=utf8mb4",
          "CREATE TABLE link (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b))");
      InformationSchemaCatalog catalog = InformationSchemaCatalog.load(c, db.name());
      assertThat(catalog.schema()).isEqualTo(db.name());
      assertThat(catalog.tableNames()).containsExactlyInAnyOrder("account", "link");

      TableInfo account = catalog.table("ACCOUNT").orElseThrow();
      assertThat(account.columns())
          .extracting(ColumnInfo::name)
          .containsExactly("id", "email", "token", "org", "slug", "flag", "updated");
      assertThat(account.primaryKey()).containsExactly("id");
      assertThat(account.uniqueKeys())
          .containsExactlyInAnyOrder(List.of("email"), List.of("org", "slug"));
      assertThat(account.autoIncrementColumn().orElseThrow().name()).isEqualTo("id");
      ColumnInfo id = account.column("id").orElseThrow();
      // MySQL 8.0.19+ drops integer display widths (except tinyint(1)); MariaDB keeps them
      assertThat(id.mysqlType())
          .isEqualTo(TestServers.get().isMariaDb() ? "int(10) unsigned" : "int unsigned");
      assertThat(id.nullable()).isFalse();
      assertThat(account.column("email").orElseThrow().caseInsensitive()).isTrue();
      assertThat(account.column("token").orElseThrow().caseInsensitive()).isFalse();
      assertThat(account.column("org").orElseThrow().caseInsensitive()).isFalse();
      assertThat(account.column("flag").orElseThrow().mysqlType()).isEqualTo("tinyint(1)");
      ColumnInfo updated = account.column("updated").orElseThrow();
      assertThat(updated.onUpdateCurrentTimestamp()).isTrue();
      assertThat(account.column("slug").orElseThrow().onUpdateCurrentTimestamp()).isFalse();

      TableInfo link = catalog.table("link").orElseThrow();
      assertThat(link.primaryKey()).containsExactly("a", "b");
      assertThat(link.uniqueKeys()).isEmpty();
      assertThat(link.autoIncrementColumn()).isEmpty();
      assertThat(catalog.table("missing")).isEmpty();
    }
  }

  @Test
  void reloadSeesNewTablesAndInvalidatesTranslations(DatabasePair db) throws SQLException {
    try (Connection c = db.openMysql()) {
      exec(c, "CREATE TABLE hits (page VARCHAR(50) NOT NULL PRIMARY KEY, n INT NOT NULL)");
      InformationSchemaCatalog catalog = InformationSchemaCatalog.load(c, db.name());
      Rewriter rewriter = Rewriter.builder().catalog(catalog).build();
      String upsert = "INSERT INTO hits2 (page, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + 1";
      assertThat(rewriter.translate(upsert).refusal().code())
          .isEqualTo("unsupported-syntax:ON DUPLICATE KEY UPDATE:no-catalog");
      long before = catalog.generation();

      exec(c, "CREATE TABLE hits2 (page VARCHAR(50) NOT NULL PRIMARY KEY, n INT NOT NULL)");
      catalog.reload();
      assertThat(catalog.generation()).isGreaterThan(before);
      Translation t = rewriter.translate(upsert);
      assertThat(t.isRefused()).as("%s", t).isFalse();
      assertThat(t.postgresSql())
          .contains("ON CONFLICT (lower(page)) DO UPDATE SET n = CAST(hits2.n AS bigint) + 1");
    }
  }
}
