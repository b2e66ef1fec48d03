package io.dualwrite.admin.connect;

import java.sql.Connection;

/**
 * The resolved settings of a command that needs both databases ({@code verify}, {@code repair},
 * {@code backfill}, {@code schema}), with both endpoints present, and the secrets every connection
 * registers its passwords with. Made by {@link ConnectionOptions#resolveBoth(Secrets)}.
 */
public final class BothSides {
  private final ConnectionSettings settings;
  private final DatabaseEndpoint mysql;
  private final DatabaseEndpoint postgres;
  private final Secrets secrets;

  BothSides(ConnectionSettings settings, Secrets secrets) {
    this.settings = settings;
    this.mysql = settings.requireMysql();
    this.postgres = settings.requirePostgres();
    this.secrets = secrets;
  }

  /** Everything resolved, {@code dualwrite.*} properties included. */
  public ConnectionSettings settings() {
    return settings;
  }

  public DatabaseEndpoint mysql() {
    return mysql;
  }

  public DatabaseEndpoint postgres() {
    return postgres;
  }

  /** A new connection to MySQL ({@link Connections#openMysql}). */
  public Connection openMysql() {
    return Connections.openMysql(mysql, secrets);
  }

  /** A new connection to PostgreSQL ({@link Connections#openPostgres}). */
  public Connection openPostgres() {
    return Connections.openPostgres(postgres, secrets);
  }
}
