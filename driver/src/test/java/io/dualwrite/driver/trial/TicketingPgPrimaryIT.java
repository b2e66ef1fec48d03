package io.dualwrite.driver.trial;

/** The ticketing workload in PG_PRIMARY. */
class TicketingPgPrimaryIT extends TicketingWorkload {
  @Override
  String phase() {
    return "PG_PRIMARY";
  }
}
