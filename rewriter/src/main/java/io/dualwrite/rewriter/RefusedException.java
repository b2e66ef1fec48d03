package io.dualwrite.rewriter;

/** Thrown inside a translation to refuse the statement; carries the {@link Refusal}. */
final class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Refusal refusal;

  RefusedException(String code, String reason) {
    super(code + ": " + reason, null, false, false);
    this.refusal = new Refusal(code, reason);
  }

  static RefusedException syntax(String construct, String reason) {
    return new RefusedException("unsupported-syntax:" + construct, reason);
  }

  static RefusedException function(String name, String reason) {
    return new RefusedException("unsupported-function:" + name, reason);
  }
}
