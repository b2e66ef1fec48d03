package io.dualwrite.driver.trial;

/** The e-commerce workload in PG_PRIMARY (PostgreSQL authoritative, MySQL mirrored). */
class ShopPgPrimaryIT extends ShopWorkload {
  @Override
  String phase() {
    return "PG_PRIMARY";
  }
}
