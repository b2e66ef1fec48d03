package io.dualwrite.driver.workload;

/** The typical application's workload in DUAL_WRITE. */
class TypicalAppDualWriteIT extends TypicalAppWorkload {
  @Override
  String phase() {
    return "DUAL_WRITE";
  }
}
