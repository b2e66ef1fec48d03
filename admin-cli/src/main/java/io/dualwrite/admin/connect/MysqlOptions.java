package io.dualwrite.admin.connect;

import picocli.CommandLine.Option;

/** {@code --mysql-url}, {@code --mysql-user}, {@code --mysql-password}. */
public final class MysqlOptions {
  @Option(
      names = "--mysql-url",
      paramLabel = "URL",
      description =
          "MySQL JDBC URL, e.g. jdbc:mysql://db:3306/app. The application's"
              + " jdbc:dualwrite:mysql://... URL is accepted too.")
  String url;

  @Option(names = "--mysql-user", paramLabel = "USER", description = "MySQL user.")
  String user;

  @Option(
      names = "--mysql-password",
      paramLabel = "PASSWORD",
      arity = "0..1",
      fallbackValue = PasswordPrompt.ASK,
      description =
          "MySQL password. Give the option without a value (last on the line) to be prompted"
              + " on the terminal without echo, keeping it out of the shell history.")
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
