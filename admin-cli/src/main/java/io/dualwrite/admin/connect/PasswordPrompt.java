package io.dualwrite.admin.connect;

import io.dualwrite.admin.AdminException;
import java.io.Console;

/**
 * Asking for a password on the terminal when a password option is given without a value.
 *
 * <p>Not picocli's interactive options: those fall back to reading standard input, which is where
 * {@code translate} reads its statements, and print the prompt on standard output, which {@code
 * --json} reserves for results. This asks only through {@link System#console()} (the terminal,
 * without echo) and refuses (exit 2) when there is none.
 */
final class PasswordPrompt {
  /** The value picocli gives a password option that has no value on the command line. */
  static final String ASK = "\u0000ask-on-terminal";

  private PasswordPrompt() {}

  /** {@code value}, or when it is {@link #ASK} the password typed on the terminal. */
  static String resolve(String value, String option, String side) {
    if (!ASK.equals(value)) {
      return value;
    }
    Console console = System.console();
    if (console == null) {
      throw AdminException.cannotRun(
          option
              + " without a value asks for the password on the terminal, but there is none; give "
              + option
              + "=PASSWORD or put it in the --config file",
          null);
    }
    char[] typed = console.readPassword("%s password: ", side);
    if (typed == null) {
      throw AdminException.cannotRun("no password was typed for " + option, null);
    }
    return new String(typed);
  }
}
