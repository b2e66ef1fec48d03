package io.dualwrite.testkit;

/**
 * MySQL 9.7 could not be fetched, unpacked or initialised on this machine. The message names the
 * step that failed and what to do about it; retrying in the same JVM would fail the same way.
 */
public final class MysqlProvisioningException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MysqlProvisioningException(String step, String detail, String remedy) {
    super(
        "cannot provision MySQL 9.7 (-Ddualwrite.test.databases=mysql): step '"
            + step
            + "' failed: "
            + detail
            + "\nWhat to do: "
            + remedy);
  }
}
