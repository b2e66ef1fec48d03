package io.dualwrite.driver.workload;

/**
 * The Sakila workload in PG_PRIMARY, on its own fresh databases: PostgreSQL authoritative (its
 * generated keys and results are what the application sees), MySQL mirrored.
 */
class SakilaPgPrimaryIT extends SakilaWorkload {
  @Override
  String phase() {
    return "PG_PRIMARY";
  }
}
