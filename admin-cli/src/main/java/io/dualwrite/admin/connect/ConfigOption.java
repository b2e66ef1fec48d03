package io.dualwrite.admin.connect;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: a properties file with the driver's property names. */
public final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with the driver's names: url, user, password (MySQL; url may be the"
              + " app's jdbc:dualwrite:mysql:// URL), dualwrite.postgres.url,"
              + " dualwrite.postgres.user, dualwrite.postgres.password, other dualwrite.*"
              + " properties. Command-line options win over the file.")
  Path file;

  /** The file, or null when not given. */
  public Path file() {
    return file;
  }
}
