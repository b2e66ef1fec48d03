package io.dualwrite.driver.trial;

/**
 * The e-commerce workload in DUAL_WRITE with the Connector/J settings production pools commonly
 * use: rewritten batches, server-side prepared statements and their caches.
 */
class ShopTunedConnectorJIT extends ShopWorkload {
  @Override
  String phase() {
    return "DUAL_WRITE";
  }

  @Override
  String[] connectorJSettings() {
    return new String[] {
      "rewriteBatchedStatements", "true",
      "useServerPrepStmts", "true",
      "cachePrepStmts", "true",
      "prepStmtCacheSize", "250",
      "useLocalSessionState", "true"
    };
  }
}
