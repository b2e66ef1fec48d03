package io.dualwrite.rewriter;

/** What to bind at one {@code ?} of a {@link PinnedStatement}. */
public sealed interface Binding {
  /**
   * The application's parameter.
   *
   * @param index 0-based MySQL parameter index
   */
  record AppParameter(int index) implements Binding {}

  /**
   * The value computed once for one non-deterministic call.
   *
   * @param callIndex index into {@link Translation#nonDeterministicCalls()}
   */
  record ComputedValue(int callIndex) implements Binding {}
}
