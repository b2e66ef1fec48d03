package io.dualwrite.rewriter;

/**
 * How the driver must handle a session or transaction statement.
 *
 * @param type what the statement is
 * @param handling where it runs
 * @param argument e.g. the time zone, the database, the savepoint name, {@code 0}/{@code 1} for
 *     autocommit, the variable name; null when there is none
 */
public record SessionCommand(Type type, Handling handling, String argument) {

  /**
   * The PostgreSQL statement that turns foreign-key checks on or off for the session, as MySQL's
   * {@code SET FOREIGN_KEY_CHECKS} does: under {@code session_replication_role = replica}
   * PostgreSQL's foreign-key triggers do not fire.
   */
  public static String foreignKeyChecksOnPostgres(boolean on) {
    return on ? "SET session_replication_role = DEFAULT" : "SET session_replication_role = replica";
  }

  /** The statement's type. */
  public enum Type {
    BEGIN,
    COMMIT,
    ROLLBACK,
    SAVEPOINT,
    RELEASE_SAVEPOINT,
    ROLLBACK_TO_SAVEPOINT,
    SET_AUTOCOMMIT,
    SET_TRANSACTION,
    SET_NAMES,
    SET_TIME_ZONE,
    /**
     * {@code SET FOREIGN_KEY_CHECKS}: argument {@code 0}/{@code 1}, or null when the value is an
     * expression (mysqldump's {@code @OLD_FOREIGN_KEY_CHECKS}) the driver reads back from MySQL.
     */
    SET_FOREIGN_KEY_CHECKS,
    SET_USER_VARIABLE,
    SET_SESSION_VARIABLE,
    USE,
    SHOW,
    DESCRIBE,
    EXPLAIN,
    LOCK_TABLES,
    UNLOCK_TABLES,
    /** OPTIMIZE / ANALYZE / CHECK / REPAIR / CHECKSUM TABLE: MySQL's report on its tables. */
    TABLE_MAINTENANCE,
    OTHER
  }

  /** Where the statement runs. */
  public enum Handling {
    /** Run on MySQL as written and {@link Translation#postgresSql()} on PostgreSQL. */
    BOTH,
    /** SHOW / DESCRIBE / EXPLAIN: answer from the authoritative side only (as MySQL would). */
    AUTHORITATIVE_ONLY,
    /** No PostgreSQL equivalent needed (SET NAMES utf8mb4: PostgreSQL is UTF8 already). */
    MYSQL_ONLY,
    /** Transaction control: the driver maps it to Connection calls on both sides. */
    DRIVER_TRACKED
  }
}
