package io.dualwrite.rewriter;

import java.util.Objects;

/**
 * Why a statement was not translated.
 *
 * @param code short stable id for grouping, e.g. {@code parse-error}, {@code
 *     unsupported-function:ENCODE}, {@code trigger}, {@code statement-too-long}, {@code
 *     parse-timeout}, {@code driver-intercepted:LAST_INSERT_ID}
 * @param reason one human sentence naming the construct
 */
public record Refusal(String code, String reason) {
  public Refusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
