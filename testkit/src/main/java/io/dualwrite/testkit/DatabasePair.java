package io.dualwrite.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A fresh, empty database on each side, owned by one test class: {@link #mysql()} on the MySQL
 * server, {@link #postgres()} on the PostgreSQL server, both with the same name.
 */
public final class DatabasePair {
  private final String name;
  private final Endpoint mysql;
  private final Endpoint postgres;

  DatabasePair(String name, Endpoint mysql, Endpoint postgres) {
    this.name = name;
    this.mysql = mysql;
    this.postgres = postgres;
  }

  /** The database (schema) name, the same on both sides. */
  public String name() {
    return name;
  }

  public Endpoint mysql() {
    return mysql;
  }

  public Endpoint postgres() {
    return postgres;
  }

  public Connection openMysql() throws SQLException {
    return mysql.open();
  }

  public Connection openPostgres() throws SQLException {
    return postgres.open();
  }

  @Override
  public String toString() {
    return "DatabasePair[" + name + ": " + mysql + ", " + postgres + "]";
  }
}
