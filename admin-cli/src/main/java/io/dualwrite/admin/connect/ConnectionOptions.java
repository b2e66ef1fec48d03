package io.dualwrite.admin.connect;

import picocli.CommandLine.Mixin;

/**
 * Everything a command that talks to both sides needs: {@code --config} plus the MySQL and
 * PostgreSQL options. Mix it into a command with {@code @Mixin ConnectionOptions connection;} and
 * call {@link #resolve(Secrets)}, or {@link #resolveBoth(Secrets)} when both databases are needed.
 */
public final class ConnectionOptions {
  @Mixin ConfigOption config;
  @Mixin MysqlOptions mysql;
  @Mixin PostgresOptions postgres;

  /** The settings from the options and the config file; registers every password with secrets. */
  public ConnectionSettings resolve(Secrets secrets) {
    return ConnectionSettings.resolve(config.file(), mysql, postgres, secrets);
  }

  /**
   * {@link #resolve(Secrets)}, for a command that needs both databases.
   *
   * @throws io.dualwrite.admin.AdminException (exit 2) when either database is not given, saying
   *     how to give it
   */
  public BothSides resolveBoth(Secrets secrets) {
    return new BothSides(resolve(secrets), secrets);
  }
}
