package io.dualwrite.admin.translate;

import io.dualwrite.rewriter.SessionCommand;
import io.dualwrite.rewriter.Translation;

/**
 * What {@code translate} reports for one statement.
 *
 * @param postgres the PostgreSQL statement, or null when refused or nothing runs on PostgreSQL
 * @param refusalCode the refusal's stable code (e.g. {@code trigger}), null when translated
 * @param refusalReason the refusal's sentence, null when translated
 * @param kind the statement kind ({@code SELECT}, {@code UPSERT}, {@code DDL}, ...)
 * @param note for a translation without PostgreSQL statement: why none is needed; else null
 */
record Outcome(
    String postgres, String refusalCode, String refusalReason, String kind, String note) {

  /** Code of the refusal for a statement longer than the reader keeps (same as the rewriter's). */
  static final String TOO_LONG = "statement-too-long";

  /** Code for a statement on which the rewriter failed instead of refusing (a rewriter bug). */
  static final String REWRITER_FAILURE = "rewriter-failure";

  boolean refused() {
    return refusalCode != null;
  }

  static Outcome of(Translation t) {
    if (t.isRefused() && t.refusal().code().startsWith("driver-intercepted:")) {
      // LAST_INSERT_ID(), DATABASE(), GET_LOCK(), @x in a read: not a gap, the driver asks MySQL
      return new Outcome(
          null,
          null,
          null,
          t.kind().name(),
          "answered by MySQL's session (the driver sends it there)");
    }
    if (t.isRefused()) {
      return new Outcome(null, t.refusal().code(), t.refusal().reason(), t.kind().name(), null);
    }
    if (t.postgresSql() != null && t.postgresSql().isEmpty()) {
      // ALTER TABLE t ENGINE=InnoDB and other storage options
      return new Outcome(null, null, null, t.kind().name(), "nothing to run on PostgreSQL");
    }
    String note = null;
    if (t.postgresSql() == null) {
      SessionCommand session = t.session();
      note =
          session == null
              ? "nothing to run on PostgreSQL"
              : switch (session.handling()) {
                case MYSQL_ONLY -> "runs on MySQL only; PostgreSQL needs nothing";
                case AUTHORITATIVE_ONLY -> "answered by the authoritative side only";
                case DRIVER_TRACKED -> "the driver applies it to both connections itself";
                case BOTH -> "nothing to run on PostgreSQL";
              };
    }
    return new Outcome(t.postgresSql(), null, null, t.kind().name(), note);
  }

  static Outcome tooLong(SourceStatement s, int maxLength) {
    return new Outcome(
        null,
        TOO_LONG,
        "the statement has "
            + s.length()
            + " characters, more than the limit of "
            + maxLength
            + "; it was not translated",
        "OTHER",
        null);
  }

  static Outcome rewriterFailure(RuntimeException e) {
    return new Outcome(
        null,
        REWRITER_FAILURE,
        "the rewriter failed instead of translating or refusing: " + e,
        "OTHER",
        null);
  }
}
