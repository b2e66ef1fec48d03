package io.dualwrite.driver.discrepancy;

/** What kind of difference between the two sides was observed (contract section 5). */
public enum DiscrepancyKind {
  /** The mirrored statement failed on the non-authoritative side. */
  MIRROR_FAILED,
  /** The mirrored statement changed a different number of rows. */
  ROW_COUNT_MISMATCH,
  /** A mirrored write was skipped (breaker open, side unreachable, statement not mirrorable). */
  MIRROR_SKIPPED,
  /** A statement could not be translated for PostgreSQL. */
  UNTRANSLATABLE,
  /** A compared read returned different rows. */
  READ_MISMATCH,
  /**
   * A commit failed on one side after the other side committed or ran the write: the mirrored
   * commit after the authoritative one, or the authoritative autocommit after its mirror.
   */
  COMMIT_FAILED,
  /**
   * An application statement named a control table ({@code dualwrite_flags}, ...) and was refused
   * before it ran on either side: nothing differs, but someone tried to steer the fleet.
   */
  CONTROL_TABLE_REFUSED
}
