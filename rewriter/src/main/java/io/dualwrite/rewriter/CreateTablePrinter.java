package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/** Prints CREATE TABLE (and CREATE TABLE ... LIKE) for PostgreSQL. */
final class CreateTablePrinter extends DdlPrinter {

  CreateTablePrinter(SchemaCatalog catalog) {
    super(catalog);
  }

  /** A column's specs, after its type's {@code CHARACTER SET} (which JSqlParser keeps apart). */
  private static List<String> columnOptions(ColumnDefinition cd) {
    List<String> options = new ArrayList<>();
    if (cd.getColDataType().getCharacterSet() != null) {
      options.add("SET");
      options.add(cd.getColDataType().getCharacterSet());
    }
    if (cd.getColumnSpecs() != null) {
      options.addAll(cd.getColumnSpecs());
    }
    return options;
  }

  void createTable(CreateTable c) {
    String t = table(c.getTable());
    boolean tableCi = collationIsCaseInsensitive(c.getTableOptionsStrings(), true);
    boolean mysql = ctx.catalog.mysqlDefaultCollation() != null;
    String tableCollation =
        collationOf(c.getTableOptionsStrings(), ctx.catalog.mysqlDefaultCollation(), mysql);
    boolean aiCi = ctx.catalog.postgresHasCollation(Collations.AI_CI);
    java.util.Optional<TableInfo> known = ctx.catalog.table(t);
    for (ColumnDefinition cd :
        c.getColumnDefinitions() == null ? List.<ColumnDefinition>of() : c.getColumnDefinitions()) {
      MysqlType mt = parseType(cd.getColDataType(), cd.getColumnSpecs());
      String name = Identifiers.normalize(cd.getColumnName());
      if (TypeMapping.isBinary(mt.name())) {
        binary.add(name);
      }
      if (TypeMapping.isText(mt.name())
          && collationIsCaseInsensitive(cd.getColumnSpecs(), tableCi)
          && !cd.getColDataType().getDataType().toUpperCase(Locale.ROOT).contains("BINARY")) {
        caseInsensitive.add(name);
        // the catalog's column (the table exists on MySQL: the admin's schema) or the options
        boolean accents =
            known
                .flatMap(info -> info.column(name))
                .map(ColumnInfo::accentInsensitive)
                .orElseGet(
                    () ->
                        "utf8mb4_0900_ai_ci"
                            .equals(collationOf(columnOptions(cd), tableCollation, mysql)));
        if (aiCi && accents) {
          accentInsensitive.add(name);
        }
      }
    }
    if (c.getSelect() == null
        && c.getLikeTable() != null
        && (c.getColumnDefinitions() == null || c.getColumnDefinitions().isEmpty())) {
      createLike(t, c);
      return;
    }
    if (c.getSelect() != null || c.getLikeTable() != null) {
      throw RefusedException.syntax(
          "create-table-as",
          "CREATE TABLE ... AS SELECT derives column types PostgreSQL would derive differently;"
              + " create the table explicitly.");
    }
    if (c.getColumnDefinitions() == null || c.getColumnDefinitions().isEmpty()) {
      throw RefusedException.syntax("create-table", "CREATE TABLE without columns.");
    }
    if (c.getIndexes() != null) {
      for (Index index : c.getIndexes()) {
        if (index instanceof ForeignKeyIndex fk && referencesIdentity(fk, t, c)) {
          identityReferences.add(Identifiers.normalize(fk.getColumnsNames().get(0)));
        }
      }
    }
    boolean temporary = false;
    if (c.getCreateOptionsStrings() != null) {
      for (String o : c.getCreateOptionsStrings()) {
        if (o.equalsIgnoreCase("TEMPORARY")) {
          temporary = true;
        } else {
          throw RefusedException.syntax(
              "create-option", "CREATE " + o + " TABLE is not supported.");
        }
      }
    }
    tablesWritten.add(t);
    String pt = Identifiers.pg(t);
    boolean ifNotExists = c.isIfNotExists();
    StringBuilder b = new StringBuilder();
    b.append("CREATE ").append(temporary ? "TEMPORARY " : "").append("TABLE ");
    b.append(ifNotExists ? "IF NOT EXISTS " : "").append(pt).append(" (");
    List<String> after = new ArrayList<>();
    String aiColumn = null;
    boolean first = true;
    for (ColumnDefinition cd : c.getColumnDefinitions()) {
      ColumnOut col = column(cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), false);
      b.append(first ? "" : ", ").append(col.def);
      first = false;
      if (col.autoIncrement) {
        aiColumn = col.name;
      }
      if (col.comment != null) {
        after.add(
            "COMMENT ON COLUMN "
                + pt
                + "."
                + Identifiers.pg(col.name)
                + " IS '"
                + col.comment.replace("'", "''")
                + "'");
      }
      if ((col.unique || col.primaryKey) && caseInsensitive.contains(col.name)) {
        // MySQL compares keys on _ci columns case-insensitively
        after.add(
            createIndex(
                t,
                col.name + "_ci",
                true,
                List.of(keyPart(col.name, caseInsensitive, accentInsensitive)),
                ifNotExists));
      }
    }
    if (c.getIndexes() != null) {
      for (Index index : c.getIndexes()) {
        String constraint = tableIndex(t, index, after, ifNotExists);
        if (constraint != null) {
          b.append(", ").append(constraint);
        }
      }
    }
    b.append(')');
    statements.add(b.toString());
    tableOptions(t, c.getTableOptionsStrings(), aiColumn);
    statements.addAll(after);
  }

  /**
   * CREATE TABLE t LIKE s: MySQL copies the columns, defaults, AUTO_INCREMENT (with a fresh
   * counter), indexes and CHECKs but no foreign keys; PostgreSQL's LIKE ... INCLUDING ALL copies
   * the translated table's columns, defaults, identity (a new sequence), CHECK and NOT NULL
   * constraints, indexes (the _ci lower() ones too) and comments, and no foreign keys either. The
   * copied indexes get names PostgreSQL chooses.
   */
  private void createLike(String t, CreateTable c) {
    if (c.getCreateOptionsStrings() != null && !c.getCreateOptionsStrings().isEmpty()) {
      throw RefusedException.syntax(
          "create-option",
          "CREATE " + c.getCreateOptionsStrings() + " TABLE ... LIKE is not supported.");
    }
    if (c.getTableOptionsStrings() != null && !c.getTableOptionsStrings().isEmpty()) {
      throw RefusedException.syntax(
          "create-table-like", "CREATE TABLE ... LIKE with table options is not MySQL.");
    }
    String source = table(c.getLikeTable());
    tablesWritten.add(t);
    statements.add(
        "CREATE TABLE "
            + (c.isIfNotExists() ? "IF NOT EXISTS " : "")
            + Identifiers.pg(t)
            + " (LIKE "
            + Identifiers.pg(source)
            + " INCLUDING ALL)");
  }

  private void tableOptions(String t, List<String> options, String aiColumn) {
    if (options == null) {
      return;
    }
    for (int i = 0; i < options.size(); i++) {
      String u = options.get(i).toUpperCase(Locale.ROOT);
      String value =
          i + 2 < options.size() && options.get(i + 1).equals("=") ? options.get(i + 2) : null;
      int skip = value != null ? 2 : (i + 1 < options.size() ? 1 : 0);
      if (value == null && i + 1 < options.size()) {
        value = options.get(i + 1);
      }
      switch (u) {
        case "DEFAULT" -> skip = 0;
        case "ENGINE",
            "CHARSET",
            "COLLATE",
            "ROW_FORMAT",
            "STATS_PERSISTENT",
            "PACK_KEYS",
            "CHECKSUM",
            "KEY_BLOCK_SIZE",
            "AVG_ROW_LENGTH",
            "MAX_ROWS",
            "MIN_ROWS" -> {}
        case "CHARACTER" -> {
          // CHARACTER SET [=] x
          skip = options.get(i + 2).equals("=") ? 3 : 2;
        }
        case "AUTO_INCREMENT" -> {
          if (aiColumn == null) {
            throw RefusedException.syntax(
                "auto-increment", "AUTO_INCREMENT= on a table without an AUTO_INCREMENT column.");
          }
          statements.add(
              "ALTER TABLE "
                  + Identifiers.pg(t)
                  + " ALTER COLUMN "
                  + Identifiers.pg(aiColumn)
                  + " RESTART WITH "
                  + Long.parseLong(value));
        }
        case "COMMENT" -> {
          String text = Tokens.stringValue(value);
          statements.add(
              "COMMENT ON TABLE "
                  + Identifiers.pg(t)
                  + " IS '"
                  + String.valueOf(text).replace("'", "''")
                  + "'");
        }
        default ->
            throw RefusedException.syntax(
                "table-option:" + u, "The table option " + options.get(i) + " is not supported.");
      }
      i += skip;
    }
  }
}
