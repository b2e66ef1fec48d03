package io.dualwrite.rewriter.equivalence;

import java.util.List;

/**
 * One statement of the equivalence corpus, as written in a {@code equivalence/*.sql} resource.
 *
 * @param id unique, stable name (the dynamic test's name)
 * @param category the rewriter issue's category (see {@code CorpusTest#REQUIRED_CATEGORIES})
 * @param mode what is asserted
 * @param sql the MySQL statement, exactly as the application would send it
 * @param order the header's {@code ordered}/{@code unordered} (null for refusals and errors);
 *     {@code CorpusTest} checks it against the statement's top-level ORDER BY
 * @param binds values bound to the statement's {@code ?}s, in MySQL order
 * @param refusalCode for {@link Mode#REFUSE}: the expected refusal code (or its prefix); {@code *}
 *     when any code is acceptable (the statement is not even parseable as MySQL by JSqlParser)
 * @param rows for {@link Mode#EXPECT}: the MySQL 8 documented result
 * @param count for {@link Mode#EXPECT} writes: the expected update count, or null
 * @param then MySQL queries run on both sides after a write; their results are compared too
 * @param tables extra tables whose contents are compared after a write
 * @param commit a write whose effect later entries need (DDL file): committed, not rolled back, and
 *     run without sequence help
 * @param mysqlError when MySQL itself (not MariaDB) rejects the statement: a fragment of its error
 *     message; on MySQL the runner asserts that rejection and compares nothing, on MariaDB it runs
 *     the entry as its mode says (null for most entries)
 * @param note why the entry exists, and for {@link Mode#EXPECT} why MariaDB cannot run it
 * @param source file and line, for messages
 */
record CorpusEntry(
    String id,
    String category,
    Mode mode,
    String sql,
    String order,
    List<Object> binds,
    String refusalCode,
    List<List<Object>> rows,
    Integer count,
    List<String> then,
    List<String> tables,
    boolean commit,
    String mysqlError,
    String note,
    String source) {

  /** What the runner asserts for an entry. */
  enum Mode {
    /** Run on MariaDB as written and on PostgreSQL translated; results (and writes) equal. */
    COMPARE,
    /** The rewriter must refuse it, with the given code. */
    REFUSE,
    /**
     * MariaDB 10.11 differs from MySQL 8 here, so only PostgreSQL runs it; its result must equal
     * the MySQL 8 documented result written in the entry.
     */
    EXPECT,
    /** Both sides must reject the statement at execution (a constraint or strict-mode error). */
    ERROR,
    /**
     * A read with a non-deterministic function: exact values are compared through the rewriter's
     * pinned statement when it offers one, otherwise only the shape (rows, columns, value kinds).
     */
    SHAPE
  }

  /**
   * Whether rows must be compared in order: the header says so ({@code -- order: ordered}), which
   * {@code CorpusTest} holds equal to "the statement has a top-level ORDER BY".
   */
  boolean ordered() {
    return order == null ? hasTopLevelOrderBy(sql) : order.equals("ordered");
  }

  /** True when {@code ORDER BY} occurs outside parentheses, quotes and comments. */
  static boolean hasTopLevelOrderBy(String sql) {
    String text = MysqlScript.stripCommentsAndLiterals(sql).toUpperCase(java.util.Locale.ROOT);
    int depth = 0;
    StringBuilder top = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0) {
        top.append(c);
      } else {
        top.append(' ');
      }
    }
    return top.toString().replaceAll("\\s+", " ").contains("ORDER BY");
  }

  @Override
  public String toString() {
    return id;
  }
}
