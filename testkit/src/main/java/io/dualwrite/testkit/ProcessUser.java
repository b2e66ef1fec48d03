package io.dualwrite.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/** Whether this JVM runs as root (database servers need special handling then). */
final class ProcessUser {
  private ProcessUser() {}

  static boolean isRoot() {
    try {
      // The owner of a file we just created is our effective user, whatever user.name says.
      Path probe = Files.createTempFile("dualwrite-uid-", ".probe");
      try {
        return Files.readAttributes(probe, PosixFileAttributes.class)
            .owner()
            .getName()
            .equals("root");
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
