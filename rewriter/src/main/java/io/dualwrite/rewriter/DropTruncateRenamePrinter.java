package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/** Prints DROP TABLE/VIEW/INDEX, TRUNCATE TABLE and RENAME TABLE for PostgreSQL. */
final class DropTruncateRenamePrinter extends DdlPrinter {

  DropTruncateRenamePrinter(SchemaCatalog catalog) {
    super(catalog);
  }

  void drop(Drop d) {
    String type = d.getType().toUpperCase(Locale.ROOT);
    switch (type) {
      case "INDEX" -> {
        List<String> params = d.getParameters();
        if (params == null || params.size() != 2 || !params.get(0).equalsIgnoreCase("ON")) {
          throw RefusedException.syntax("drop-index", "DROP INDEX needs ON table in MySQL.");
        }
        String t = Identifiers.normalize(params.get(1));
        tablesWritten.add(t);
        statements.add("DROP INDEX " + Identifiers.pg(indexName(t, d.getName().getName())));
      }
      case "VIEW" -> {
        String v = table(d.getName());
        tablesWritten.add(v);
        statements.add("DROP VIEW " + (d.isIfExists() ? "IF EXISTS " : "") + Identifiers.pg(v));
      }
      default ->
          throw RefusedException.syntax("drop:" + type, "DROP " + type + " is not translated.");
    }
  }

  void truncate(Truncate t) {
    List<String> names = new ArrayList<>();
    List<net.sf.jsqlparser.schema.Table> tables =
        t.getTables() != null && !t.getTables().isEmpty() ? t.getTables() : List.of(t.getTable());
    for (net.sf.jsqlparser.schema.Table table : tables) {
      String n = table(table);
      tablesWritten.add(n);
      names.add(Identifiers.pg(n));
    }
    // MySQL TRUNCATE also resets AUTO_INCREMENT
    statements.add("TRUNCATE TABLE " + String.join(", ", names) + " RESTART IDENTITY");
  }

  void renameTables(RenameTableStatement r) {
    for (var e : r.getTableNames()) {
      String from = table(e.getKey());
      String to = table(e.getValue());
      tablesWritten.add(from);
      tablesWritten.add(to);
      statements.add("ALTER TABLE " + Identifiers.pg(from) + " RENAME TO " + Identifiers.pg(to));
    }
  }
}
