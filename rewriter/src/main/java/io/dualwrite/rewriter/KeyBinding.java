package io.dualwrite.rewriter;

/** What to bind at one {@code ?} of {@link AutoIncrement#postgresSqlWithKeys()}. */
public sealed interface KeyBinding {
  /** The application's parameter (0-based MySQL index). */
  record AppParameter(int index) implements KeyBinding {}

  /** The value computed once for one non-deterministic call (index into the call list). */
  record ComputedValue(int callIndex) implements KeyBinding {}

  /** The authoritative side's generated key for row {@code row} (0-based) of the insert. */
  record GeneratedKey(int row) implements KeyBinding {}
}
