package io.dualwrite.admin;

/**
 * A failure the tool explains to the operator in one sentence and turns into an exit code, e.g. a
 * database that cannot be reached ({@link ExitCodes#CANNOT_RUN}).
 *
 * <p>The message is printed as it is (after redaction of known secrets), so it must say what
 * happened and what to do next, and must never contain a password.
 */
public final class AdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public AdminException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public AdminException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Why the tool could not run: exit code {@link ExitCodes#CANNOT_RUN}. */
  public static AdminException cannotRun(String message, Throwable cause) {
    return new AdminException(ExitCodes.CANNOT_RUN, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
