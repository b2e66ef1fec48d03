package io.dualwrite.driver.trial;

/** The e-commerce workload in DUAL_WRITE (MySQL authoritative). */
class ShopDualWriteIT extends ShopWorkload {
  @Override
  String phase() {
    return "DUAL_WRITE";
  }
}
