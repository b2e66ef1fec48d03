package io.dualwrite.testkit;

/** The product on the MySQL side of the tests, for assertions where the two genuinely differ. */
public enum MysqlFlavor {
  /** Oracle's MySQL (8.4 in containers, 9.7 from {@code dualwrite.test.databases=mysql}). */
  MYSQL,
  /** MariaDB (10.11 embedded, the default stand-in). */
  MARIADB;

  /** The flavor of a {@code SELECT VERSION()} string: MariaDB's always names itself. */
  static MysqlFlavor of(String version) {
    return version.contains("MariaDB") ? MARIADB : MYSQL;
  }
}
