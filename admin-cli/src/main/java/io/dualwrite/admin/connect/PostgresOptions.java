package io.dualwrite.admin.connect;

import picocli.CommandLine.Option;

/** {@code --postgres-url}, {@code --postgres-user}, {@code --postgres-password}. */
public final class PostgresOptions {
  @Option(
      names = "--postgres-url",
      paramLabel = "URL",
      description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/app.")
  String url;

  @Option(
      names = "--postgres-user",
      paramLabel = "USER",
      description = "PostgreSQL user (default: the MySQL user, as in the driver).")
  String user;

  @Option(
      names = "--postgres-password",
      paramLabel = "PASSWORD",
      arity = "0..1",
      fallbackValue = PasswordPrompt.ASK,
      description =
          "PostgreSQL password (default: the MySQL password, as in the driver). Give the option"
              + " without a value (last on the line) to be prompted on the terminal without echo.")
  String password;

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** The password given, or null; {@link PasswordPrompt#ASK} when it is to be asked for. */
  public String password() {
    return password;
  }
}
