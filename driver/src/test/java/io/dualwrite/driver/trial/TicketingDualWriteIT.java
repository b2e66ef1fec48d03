package io.dualwrite.driver.trial;

/** The ticketing workload in DUAL_WRITE. */
class TicketingDualWriteIT extends TicketingWorkload {
  @Override
  String phase() {
    return "DUAL_WRITE";
  }
}
