package io.dualwrite.rewriter;

import java.util.List;

/**
 * Both sides of a write with its non-deterministic calls lifted into {@code ?} parameters. Each
 * binding list has one entry per {@code ?} of the matching SQL, in order.
 */
public record PinnedStatement(
    String mysqlSql,
    List<Binding> mysqlBindings,
    String postgresSql,
    List<Binding> postgresBindings) {
  public PinnedStatement {
    mysqlBindings = List.copyOf(mysqlBindings);
    postgresBindings = List.copyOf(postgresBindings);
  }
}
