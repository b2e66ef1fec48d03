package io.dualwrite.admin.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A second application process for {@link TwoProcessesIT}: opens a {@code jdbc:dualwrite:}
 * connection with the control store in the MySQL database, prints "ready", then reads once a second
 * until its standard input closes.
 *
 * <p>Arguments: dualwrite URL, instance name, refresh millis, then {@code name=value} properties.
 */
public final class AppProcess {
  private AppProcess() {}

  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      p.setProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    p.setProperty("dualwrite.control", "primary");
    p.setProperty("dualwrite.instance", args[1]);
    p.setProperty("dualwrite.refreshMillis", args[2]);
    try (Connection c = DriverManager.getConnection(args[0], p)) {
      System.out.println("ready");
      System.out.flush();
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                  }
                } catch (Exception ignored) {
                  // parent gone
                }
              });
      reader.start();
      while (reader.isAlive()) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT 1")) {
          rs.next();
        }
        reader.join(1000);
      }
    }
  }
}
