package io.dualwrite.admin.verify;

import io.dualwrite.testkit.DatabasePair;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the admin tool against a test {@link DatabasePair}. */
public final class AdminArgs {
  private AdminArgs() {}

  /** {@code command}, both sides' URLs and credentials, then {@code more}. */
  public static String[] of(DatabasePair db, String command, String... more) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.add("--mysql-url=" + db.mysql().jdbcUrl());
    args.add("--mysql-user=" + db.mysql().user());
    if (db.mysql().password() != null && !db.mysql().password().isEmpty()) {
      args.add("--mysql-password=" + db.mysql().password());
    }
    args.add("--postgres-url=" + db.postgres().jdbcUrl());
    args.add("--postgres-user=" + db.postgres().user());
    if (db.postgres().password() != null && !db.postgres().password().isEmpty()) {
      args.add("--postgres-password=" + db.postgres().password());
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
