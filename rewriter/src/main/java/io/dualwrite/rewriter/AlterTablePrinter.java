package io.dualwrite.rewriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Prints ALTER TABLE for PostgreSQL: ADD, DROP, MODIFY/CHANGE, ALTER ... DEFAULT, RENAME, options.
 */
final class AlterTablePrinter extends DdlPrinter {

  AlterTablePrinter(SchemaCatalog catalog) {
    super(catalog);
  }

  /** Table options with no PostgreSQL meaning: storage, row format, default character set. */
  private static final java.util.regex.Pattern STORAGE_OPTION =
      java.util.regex.Pattern.compile(
          "(?is)(DEFAULT\\s+)?(ENGINE|CHARSET|CHARACTER\\s+SET|COLLATE|ROW_FORMAT|KEY_BLOCK_SIZE"
              + "|STATS_AUTO_RECALC|STATS_PERSISTENT|STATS_SAMPLE_PAGES|CHECKSUM|PACK_KEYS"
              + "|AVG_ROW_LENGTH|MAX_ROWS|MIN_ROWS|DELAY_KEY_WRITE|COMPRESSION)\\b.*");

  private static final java.util.regex.Pattern AUTO_INCREMENT_OPTION =
      java.util.regex.Pattern.compile("(?is)AUTO_INCREMENT\\s*=?\\s*([0-9]+)");

  private static final java.util.regex.Pattern COMMENT_OPTION =
      java.util.regex.Pattern.compile("(?is)COMMENT\\s*=?\\s*'((?:[^'\\\\]|\\\\.|'')*)'");

  void alter(Alter a) {
    String t = table(a.getTable());
    tablesWritten.add(t);
    String pt = Identifiers.pg(t);
    if (a.isUseOnly() || a.getAlterExpressions() == null) {
      throw RefusedException.syntax("alter", "Unsupported ALTER TABLE form.");
    }
    List<String> actions = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (AlterExpression e : a.getAlterExpressions()) {
      AlterOperation op = e.getOperation();
      switch (op) {
        case ADD -> add(t, e, actions, after);
        case DROP -> dropPart(t, e, actions, after);
        case ALTER -> {
          if (e.getColumnSetDefaultList() != null || e.getColumnDropDefaultList() != null) {
            alterDefault(t, e, actions);
          } else {
            modify(t, e, actions, after);
          }
        }
        case MODIFY, CHANGE -> modify(t, e, actions, after);
        case RENAME -> {
          if (e.getColumnOldName() != null && e.getColumnName() != null) {
            actions.add(
                "RENAME COLUMN "
                    + Identifiers.pg(e.getColumnOldName())
                    + " TO "
                    + Identifiers.pg(e.getColumnName()));
          } else {
            throw RefusedException.syntax("alter:rename", "Unsupported ALTER TABLE RENAME form.");
          }
        }
        case DROP_PRIMARY_KEY -> actions.add("DROP CONSTRAINT " + Identifiers.pg(t + "_pkey"));
        case RENAME_INDEX, RENAME_KEY -> {
          // indexes are created as <table>_<name> (indexName), so renamed the same way
          String from = e.getOldIndex() == null ? null : e.getOldIndex().getName();
          String to = e.getIndex() == null ? null : e.getIndex().getName();
          if (from == null || to == null) {
            throw RefusedException.syntax("alter:rename-index", "Unsupported RENAME INDEX form.");
          }
          after.add(
              "ALTER INDEX "
                  + Identifiers.pg(indexName(t, from))
                  + " RENAME TO "
                  + Identifiers.pg(indexName(t, to)));
        }
        case RENAME_TABLE -> {
          String to = Identifiers.normalize(e.getNewTableName());
          tablesWritten.add(to);
          after.add("ALTER TABLE " + pt + " RENAME TO " + Identifiers.pg(to));
        }
        case ENGINE, UNSPECIFIC, SET_TABLE_OPTION, CONVERT, COMMENT, COMMENT_WITH_EQUAL_SIGN ->
            tableOption(t, e, after);
        default ->
            throw RefusedException.syntax(
                "alter:" + op, "ALTER TABLE ... " + op + " is not translated.");
      }
    }
    // PostgreSQL cannot combine RENAME COLUMN with other actions
    for (String action : actions) {
      statements.add("ALTER TABLE " + pt + " " + action);
    }
    statements.addAll(after);
  }

  private void add(String t, AlterExpression e, List<String> actions, List<String> after) {
    if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
      for (AlterExpression.ColumnDataType cd : e.getColDataTypeList()) {
        ColumnOut col = column(cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), false);
        actions.add("ADD COLUMN " + col.def);
        if (col.comment != null) {
          after.add(
              "COMMENT ON COLUMN "
                  + Identifiers.pg(t)
                  + "."
                  + Identifiers.pg(col.name)
                  + " IS '"
                  + col.comment.replace("'", "''")
                  + "'");
        }
      }
      return;
    }
    if (e.getUk() && e.getUkColumns() != null) {
      List<String> cols = new ArrayList<>();
      Set<String> ci = caseInsensitiveColumns(t);
      Set<String> ai = accentInsensitiveColumns(t);
      for (String c : e.getUkColumns()) {
        cols.add(keyPart(Identifiers.normalize(c), ci, ai));
      }
      String name = e.getUkName() != null ? e.getUkName() : e.getUkColumns().get(0);
      after.add(createIndex(t, name, true, cols, false));
      return;
    }
    if (e.getPkColumns() != null && !e.getPkColumns().isEmpty()) {
      List<String> cols = new ArrayList<>();
      for (String c : e.getPkColumns()) {
        cols.add(Identifiers.pg(c));
      }
      actions.add("ADD PRIMARY KEY (" + String.join(", ", cols) + ")");
      return;
    }
    Index index = e.getIndex();
    if (index != null) {
      if (index instanceof ForeignKeyIndex fk) {
        // the column was created as numeric(20,0) before it became a key to a bigint identity
        String local =
            fk.getColumnsNames().size() == 1
                ? Identifiers.normalize(fk.getColumnsNames().get(0))
                : null;
        Optional<ColumnInfo> known =
            local == null ? Optional.empty() : ctx.catalog.table(t).flatMap(ti -> ti.column(local));
        if (known.isPresent()
            && !known.get().autoIncrement()
            && isBigintUnsigned(known.get().mysqlType())
            && referencesIdentity(fk, t, null)) {
          actions.add("ALTER COLUMN " + Identifiers.pg(local) + " TYPE bigint");
        }
        actions.add("ADD " + foreignKey(fk));
        return;
      }
      String constraint = tableIndex(t, index, after, false);
      if (constraint != null) {
        actions.add("ADD " + constraint);
      }
      return;
    }
    throw RefusedException.syntax("alter:add", "Unsupported ALTER TABLE ADD form: " + e + ".");
  }

  private void dropPart(String t, AlterExpression e, List<String> actions, List<String> after) {
    if (e.getIndex() != null) {
      String type =
          e.getIndex().getType() == null ? "" : e.getIndex().getType().toUpperCase(Locale.ROOT);
      if (type.startsWith("PRIMARY")) {
        actions.add("DROP CONSTRAINT " + Identifiers.pg(t + "_pkey"));
      } else {
        after.add("DROP INDEX " + Identifiers.pg(indexName(t, e.getIndex().getName())));
      }
      return;
    }
    if (e.getConstraintName() != null) {
      actions.add("DROP CONSTRAINT " + Identifiers.pg(e.getConstraintName()));
      return;
    }
    if (e.getColumnName() != null) {
      actions.add("DROP COLUMN " + Identifiers.pg(e.getColumnName()));
      return;
    }
    throw RefusedException.syntax("alter:drop", "Unsupported ALTER TABLE DROP form: " + e + ".");
  }

  /**
   * ALTER [COLUMN] c SET DEFAULT v / DROP DEFAULT: the same actions in PostgreSQL, with the default
   * translated as in CREATE TABLE (the column's type comes from the catalog when it is known).
   */
  private void alterDefault(String t, AlterExpression e, List<String> actions) {
    if (e.getColumnDropDefaultList() != null) {
      for (AlterExpression.ColumnDropDefault d : e.getColumnDropDefaultList()) {
        actions.add("ALTER COLUMN " + Identifiers.pg(d.getColumnName()) + " DROP DEFAULT");
      }
    }
    if (e.getColumnSetDefaultList() != null) {
      for (AlterExpression.ColumnSetDefault d : e.getColumnSetDefaultList()) {
        String column = Identifiers.normalize(d.getColumnName());
        Optional<ColumnInfo> known = ctx.catalog.table(t).flatMap(ti -> ti.column(column));
        String base = known.map(c -> TypeMapping.baseType(c.mysqlType())).orElse("");
        if (base.equals("bit") || (known.isEmpty() && !isPlainLiteral(d.getDefaultValue()))) {
          throw RefusedException.syntax(
              "alter:default",
              "SET DEFAULT "
                  + d.getDefaultValue()
                  + " on "
                  + column
                  + " needs the column's type, which is not known here.");
        }
        String pgType = Set.of("datetime", "timestamp").contains(base) ? "timestamp" : base;
        String value =
            defaultValue(
                List.of(d.getDefaultValue().trim()),
                0,
                new MysqlType(base, List.of(), false, false),
                pgType,
                new int[1]);
        actions.add("ALTER COLUMN " + Identifiers.pg(column) + " SET DEFAULT " + value);
      }
    }
  }

  private static boolean isPlainLiteral(String v) {
    String u = v.trim().toUpperCase(Locale.ROOT);
    return u.equals("NULL")
        || u.matches("-?[0-9]+(\\.[0-9]+)?")
        || (Tokens.stringValue(v.trim()) != null);
  }

  private void modify(String t, AlterExpression e, List<String> actions, List<String> after) {
    if (e.getColDataTypeList() == null || e.getColDataTypeList().size() != 1) {
      throw RefusedException.syntax(
          "alter:modify", "Unsupported ALTER TABLE " + e.getOperation() + " form: " + e + ".");
    }
    AlterExpression.ColumnDataType cd = e.getColDataTypeList().get(0);
    String newName = Identifiers.normalize(cd.getColumnName());
    String oldName =
        e.getColumnOldName() != null ? Identifiers.normalize(e.getColumnOldName()) : newName;
    if (cd.getColDataType() == null) {
      throw RefusedException.syntax(
          "alter:modify", "ALTER COLUMN forms other than MODIFY/CHANGE are not translated.");
    }
    ColumnOut col = column(cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), true);
    if (col.autoIncrement || col.primaryKey || col.unique) {
      throw RefusedException.syntax(
          "alter:modify-key", "MODIFY/CHANGE adding AUTO_INCREMENT or a key is not translated.");
    }
    String c = Identifiers.pg(oldName);
    String pgType = col.pgType;
    // MODIFY/CHANGE redefines the whole column: type, nullability, default and range CHECK
    actions.add("ALTER COLUMN " + c + " TYPE " + pgType + " USING " + c + "::" + pgType);
    actions.add(
        "ALTER COLUMN "
            + c
            + ("NOT NULL".equals(col.notNull) ? " SET NOT NULL" : " DROP NOT NULL"));
    actions.add(
        "ALTER COLUMN "
            + c
            + (col.defaultValue != null ? " SET DEFAULT " + col.defaultValue : " DROP DEFAULT"));
    if (col.check != null) {
      throw RefusedException.syntax(
          "alter:modify-range",
          "MODIFY/CHANGE to a type with a range CHECK (unsigned, tinyint, enum, year) is not"
              + " translated.");
    }
    if (!oldName.equals(newName)) {
      after.add(
          "ALTER TABLE "
              + Identifiers.pg(t)
              + " RENAME COLUMN "
              + c
              + " TO "
              + Identifiers.pg(newName));
    }
  }

  /**
   * {@code ALTER TABLE t <table option>}: storage options (ENGINE, ROW_FORMAT, DEFAULT CHARSET, a
   * default COLLATE, which only new columns take, and the catalog reads them from MySQL) have no
   * PostgreSQL counterpart and translate to nothing; {@code COMMENT = '...'} is {@code COMMENT ON
   * TABLE}; {@code AUTO_INCREMENT = n} moves the identity's sequence to n, or past the largest key
   * when that is higher, as MySQL does; {@code CONVERT TO CHARACTER SET} keeps the columns as they
   * are unless it makes them case-sensitive (refused: their comparisons and keys would change).
   */
  private void tableOption(String t, AlterExpression e, List<String> after) {
    String text = e.toString().trim();
    if (e.getOperation() == AlterOperation.CONVERT) {
      String collation = e.getCollation();
      if (collation != null
          && !collation.replace("'", "").toLowerCase(Locale.ROOT).endsWith("_ci")) {
        throw RefusedException.syntax(
            "alter:convert-collation",
            "CONVERT TO ... COLLATE "
                + collation
                + " makes the text columns case-sensitive; their comparisons and keys would differ"
                + " on PostgreSQL.");
      }
      return;
    }
    java.util.regex.Matcher comment = COMMENT_OPTION.matcher(text);
    if (comment.matches()) {
      String body = MysqlLexer.decodeCanonical(comment.group(1));
      after.add("COMMENT ON TABLE " + Identifiers.pg(t) + " IS '" + body.replace("'", "''") + "'");
      return;
    }
    java.util.regex.Matcher ai = AUTO_INCREMENT_OPTION.matcher(text);
    if (ai.matches()) {
      String column =
          ctx.catalog
              .table(t)
              .flatMap(
                  info -> info.columns().stream().filter(ColumnInfo::autoIncrement).findFirst())
              .map(ColumnInfo::name)
              .orElseThrow(
                  () ->
                      RefusedException.syntax(
                          "alter:auto-increment",
                          "ALTER TABLE "
                              + t
                              + " AUTO_INCREMENT needs the table's AUTO_INCREMENT column from the"
                              + " schema catalog, which does not know it."));
      String c = Identifiers.pg(column);
      // a DO block, so the statement returns no rows, as MySQL's ALTER TABLE does
      after.add(
          "DO $dw$BEGIN PERFORM setval(pg_get_serial_sequence('"
              + Identifiers.pg(t).replace("'", "''")
              + "', '"
              + column.replace("'", "''")
              + "'), GREATEST("
              + ai.group(1)
              + ", (SELECT COALESCE(MAX("
              + c
              + "), 0) + 1 FROM "
              + Identifiers.pg(t)
              + ")), false); END$dw$");
      return;
    }
    if (STORAGE_OPTION.matcher(text).matches()) {
      return; // nothing to do on PostgreSQL
    }
    throw RefusedException.syntax(
        "alter:" + e.getOperation(), "ALTER TABLE ... " + text + " is not translated.");
  }
}
