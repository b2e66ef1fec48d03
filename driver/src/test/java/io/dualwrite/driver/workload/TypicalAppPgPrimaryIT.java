package io.dualwrite.driver.workload;

/** The typical application's workload in PG_PRIMARY, on fresh databases. */
class TypicalAppPgPrimaryIT extends TypicalAppWorkload {
  @Override
  String phase() {
    return "PG_PRIMARY";
  }
}
