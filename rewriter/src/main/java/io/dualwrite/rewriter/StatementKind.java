package io.dualwrite.rewriter;

/** What a statement does, as far as routing and mirroring care. */
public enum StatementKind {
  /** A read (SELECT, also WITH ... SELECT, VALUES, TABLE); FOR UPDATE reads too. */
  SELECT,
  INSERT,
  UPDATE,
  DELETE,
  /** INSERT ... ON DUPLICATE KEY UPDATE. */
  UPSERT,
  INSERT_IGNORE,
  REPLACE,
  DDL,
  TRANSACTION,
  SESSION,
  OTHER;

  /** INSERT, UPDATE, DELETE, UPSERT, INSERT_IGNORE or REPLACE. */
  public boolean isWrite() {
    return this.ordinal() >= INSERT.ordinal() && this.ordinal() <= REPLACE.ordinal();
  }

  /** SELECT. */
  public boolean isRead() {
    return this == SELECT;
  }
}
