package io.dualwrite.rewriter;

import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.SelectVisitor;

/** Prints CREATE [OR REPLACE] VIEW for PostgreSQL. */
final class CreateViewPrinter extends DdlPrinter {

  CreateViewPrinter(SchemaCatalog catalog) {
    super(catalog);
  }

  void createView(CreateView v) {
    if (v.getForce() != null
            && v.getForce() != net.sf.jsqlparser.statement.create.view.ForceOption.NONE
        || v.getTemporary() != null
            && v.getTemporary() != net.sf.jsqlparser.statement.create.view.TemporaryOption.NONE
        || v.isMaterialized()) {
      throw RefusedException.syntax("create-view", "This CREATE VIEW form is not MySQL.");
    }
    String name = table(v.getView());
    tablesWritten.add(name);
    StringBuilder b = new StringBuilder();
    PgExpressionDeParser e = new PgExpressionDeParser(ctx);
    PgSelectDeParser s = new PgSelectDeParser(e, b);
    b.append(v.isOrReplace() ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ")
        .append(Identifiers.pg(name));
    if (v.getColumnNames() != null && !v.getColumnNames().isEmpty()) {
      b.append(" (");
      for (int i = 0; i < v.getColumnNames().size(); i++) {
        b.append(i > 0 ? ", " : "")
            .append(Identifiers.pg(v.getColumnNames().get(i).getColumnName()));
      }
      b.append(')');
    }
    b.append(" AS ");
    v.getSelect().accept((SelectVisitor<StringBuilder>) s, null);
    statements.add(b.toString());
  }
}
