package io.dualwrite.admin.fleet;

import picocli.CommandLine.Option;

/** {@code --control-url}: where the control store is, when it is not the MySQL database. */
public final class ControlOptions {
  @Option(
      names = "--control-url",
      paramLabel = "URL",
      description =
          "The control store's JDBC URL (jdbc:mysql:// or jdbc:postgresql://), as the driver's"
              + " dualwrite.control. Default: dualwrite.control from --config or the"
              + " jdbc:dualwrite: URL, else the MySQL database. Credentials: the URL's own, else"
              + " those of the side with the same vendor.")
  String url;

  public String url() {
    return url;
  }
}
