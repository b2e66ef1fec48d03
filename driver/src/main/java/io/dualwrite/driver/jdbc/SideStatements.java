package io.dualwrite.driver.jdbc;

import io.dualwrite.driver.Phase.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Where a path gets the vendor statements it runs on a side's connection. */
interface SideStatements {

  Statement plainOn(Side side, Connection c) throws SQLException;

  PreparedStatement preparedOn(Side side, Connection c, String sql, boolean keys, String keyColumn)
      throws SQLException;
}
