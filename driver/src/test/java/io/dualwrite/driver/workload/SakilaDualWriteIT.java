package io.dualwrite.driver.workload;

/** The Sakila workload in DUAL_WRITE: MySQL authoritative, PostgreSQL mirrored. */
class SakilaDualWriteIT extends SakilaWorkload {
  @Override
  String phase() {
    return "DUAL_WRITE";
  }
}
