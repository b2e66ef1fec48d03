package io.dualwrite.rewriter;

import java.util.Map;
import java.util.Optional;

/**
 * What the rewriter knows about the application's tables (lower-case names). Translations that need
 * keys (ON DUPLICATE KEY UPDATE, REPLACE, AUTO_INCREMENT) consult it.
 */
public interface SchemaCatalog {

  /** Knows no table. */
  SchemaCatalog EMPTY = name -> Optional.empty();

  /** The table with this name (matched case-insensitively), if known. */
  Optional<TableInfo> table(String name);

  /**
   * The MySQL database the catalog describes (the application's current database), or null when
   * unknown. Tables qualified with it are the catalog's tables.
   */
  default String database() {
    return null;
  }

  /**
   * Whether the MySQL-side server cuts the fractional seconds of a temporal value beyond a column's
   * precision (MariaDB) rather than rounding them half up (MySQL; PostgreSQL rounds a tie before
   * its 2000-01-01 epoch down); translations then cut, or round half up, a literal's fraction for
   * PostgreSQL the same way.
   */
  default boolean truncatesFractionalSeconds() {
    return false;
  }

  /**
   * Whether the PostgreSQL side has the extension {@code name} (lower case) installed where the
   * application's session finds its functions: translations that need one (SHA1 through pgcrypto's
   * {@code digest}) are made only then, and refused by name otherwise. Default: none.
   */
  default boolean postgresHasExtension(String name) {
    return postgres().hasExtension(name);
  }

  /**
   * Whether the PostgreSQL side has the collation {@code name} (lower case) where the application's
   * session finds it: {@link Collations#AI_CI} lets a MySQL {@code utf8mb4_0900_ai_ci} column be
   * sorted and compared as MySQL does, accents and case ignored; without it the translation folds
   * case only ({@code lower()}). Default: none.
   */
  default boolean postgresHasCollation(String name) {
    return postgres().hasCollation(name);
  }

  /**
   * The collation PostgreSQL's {@code upper()}/{@code lower()} must run under to change the case of
   * letters beyond ASCII as MySQL's UPPER/LOWER do, when the database's own (its {@code lc_ctype}
   * is {@code C} or {@code POSIX}) changes ASCII letters only: the first of {@link
   * Collations#CASE_MAPPING} it has. Null when the database's own case mapping is Unicode's, or
   * when it has none of them. Default: null.
   */
  default String postgresCaseCollation() {
    return postgres().caseCollation();
  }

  /**
   * What the PostgreSQL side offers, which the three methods above read by default. Default: {@link
   * PostgresCapabilities#NONE}.
   */
  default PostgresCapabilities postgres() {
    return PostgresCapabilities.NONE;
  }

  /**
   * The default collation of {@link #database()} on a MySQL server (lower case, e.g. {@code
   * utf8mb4_0900_ai_ci}), which a CREATE TABLE naming none gives its text columns; null when
   * unknown, and on MariaDB, whose collations PostgreSQL only folds case for. Default: null.
   */
  default String mysqlDefaultCollation() {
    return null;
  }

  /**
   * A number that changes whenever the catalog's content changes; part of the rewriter's cache key.
   * Constant for immutable catalogs.
   */
  default long generation() {
    return 0;
  }

  /** An immutable catalog of these tables. */
  static SchemaCatalog of(TableInfo... tables) {
    Map<String, TableInfo> byName = new java.util.HashMap<>();
    for (TableInfo t : tables) {
      byName.put(t.name().toLowerCase(java.util.Locale.ROOT), t);
    }
    Map<String, TableInfo> copy = Map.copyOf(byName);
    return name -> Optional.ofNullable(copy.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
