package io.dualwrite.admin;

/**
 * The exit codes every {@code dualwrite-admin} command keeps to (contract, section 6). Scripts test
 * these numbers, so they never change meaning.
 */
public final class ExitCodes {
  /** The command did what was asked, and (for comparisons and reports) found nothing to flag. */
  public static final int OK = 0;

  /**
   * The command ran to the end and found differences (e.g. {@code verify} found differing rows,
   * {@code translate} met statements it must refuse), or a guard rail refused the request.
   */
  public static final int DIFFERENCES = 1;

  /**
   * The command could not run: bad usage, an unreadable input, a database it cannot reach, or an
   * unexpected internal error. Nothing was decided, so it is never reported as "equal".
   */
  public static final int CANNOT_RUN = 2;

  private ExitCodes() {}
}
