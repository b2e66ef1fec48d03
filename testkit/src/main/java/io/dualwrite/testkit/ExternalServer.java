package io.dualwrite.testkit;

/**
 * A server someone else runs, named by {@code DUALWRITE_TEST_MYSQL_URL} or {@code
 * DUALWRITE_TEST_PG_URL} (with {@code _USER} and {@code _PASSWORD}). The user must be allowed to
 * create and drop databases.
 */
final class ExternalServer extends TestServer {
  private final Endpoint admin;

  ExternalServer(Kind kind, Endpoint admin) {
    super(kind);
    this.admin = admin;
  }

  @Override
  String origin() {
    return "external";
  }

  @Override
  Endpoint admin() {
    return admin;
  }
}
