package io.dualwrite.rewriter;

import java.util.Locale;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/** Prints CREATE [UNIQUE|FULLTEXT] INDEX for PostgreSQL (index names prefixed with the table). */
final class CreateIndexPrinter extends DdlPrinter {

  CreateIndexPrinter(SchemaCatalog catalog) {
    super(catalog);
  }

  void createIndex(CreateIndex c) {
    String t = table(c.getTable());
    tablesWritten.add(t);
    Index index = c.getIndex();
    if (c.getTailParameters() != null && !c.getTailParameters().isEmpty()) {
      throw RefusedException.syntax(
          "index-option", "Index options " + c.getTailParameters() + " are not supported.");
    }
    if (index.getUsing() != null) {
      throw RefusedException.syntax(
          "index-using", "USING " + index.getUsing() + " is not supported.");
    }
    String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
    if (type.contains("FULLTEXT")) {
      statements.add(fullText(t, index, false));
    } else if (type.contains("SPATIAL")) {
      throw RefusedException.syntax("index:SPATIAL", "SPATIAL indexes are not supported.");
    } else {
      statements.add(
          createIndex(t, index.getName(), type.contains("UNIQUE"), indexColumns(index, t), false));
    }
  }
}
