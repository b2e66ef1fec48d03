package io.dualwrite.testkit;

/** Points a server-level JDBC URL ({@code jdbc:xxx://host:port/[db][?params]}) at a database. */
final class JdbcUrls {
  private JdbcUrls() {}

  static String withDatabase(String serverUrl, String database) {
    int schemeEnd = serverUrl.indexOf("://");
    if (schemeEnd < 0) {
      throw new IllegalArgumentException("not a jdbc:xxx://host URL: " + serverUrl);
    }
    int query = serverUrl.indexOf('?', schemeEnd + 3);
    String beforeQuery = query < 0 ? serverUrl : serverUrl.substring(0, query);
    String params = query < 0 ? "" : serverUrl.substring(query);
    int slash = beforeQuery.indexOf('/', schemeEnd + 3);
    String hostPart = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    return hostPart + "/" + database + params;
  }
}
