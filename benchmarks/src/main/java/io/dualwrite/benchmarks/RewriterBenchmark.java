package io.dualwrite.benchmarks;

import io.dualwrite.rewriter.Rewriter;
import io.dualwrite.rewriter.Translation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What does translating MySQL to PostgreSQL cost, on a cache hit and on a miss? {@code hit*}
 * translates the same text again (the Caffeine lookup); {@code miss*} translates a text the cache
 * has never seen (a changing literal, or a changing view name), so each call parses with
 * JSqlParser, rewrites the tree, prints it and stores the result. The string concatenation that
 * makes the text distinct is part of {@code miss*} (tens of ns, against tens of microseconds). The
 * Sakila views (7 large {@code CREATE VIEW} statements) are reported per statement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RewriterBenchmark {
  static final String SIMPLE_HEAD = "SELECT title, rental_rate FROM film WHERE film_id = ";
  static final String SIMPLE = SIMPLE_HEAD + "42";
  static final String COMPLEX_HEAD =
      "SELECT c.customer_id, CONCAT(c.first_name, ' ', c.last_name) AS name,"
          + " IFNULL(SUM(p.amount), 0) AS total, COUNT(DISTINCT r.rental_id) AS rentals,"
          + " MAX(r.rental_date) AS last_rental"
          + " FROM customer c JOIN rental r ON r.customer_id = c.customer_id"
          + " LEFT JOIN payment p ON p.rental_id = r.rental_id"
          + " WHERE c.store_id = ? AND c.active = 1"
          + " AND r.rental_date >= DATE_SUB('2006-02-14', INTERVAL 30 DAY)"
          + " AND `c`.`email` LIKE CONCAT('%', ?, '%')"
          + " GROUP BY c.customer_id, c.first_name, c.last_name"
          + " HAVING COUNT(*) > ";
  static final String COMPLEX_TAIL = " ORDER BY total DESC, name LIMIT 10, 20";
  static final String COMPLEX = COMPLEX_HEAD + "1" + COMPLEX_TAIL;

  /**
   * The Sakila views measured: all but {@code actor_info} (refused: GROUP_CONCAT(DISTINCT ... ORDER
   * BY another column)) and {@code sales_by_store} (its GROUP BY is completed from primary keys,
   * which needs the schema catalog this benchmark does not load).
   */
  static final int VIEWS = 5;

  Rewriter rewriter;
  List<SakilaViews.View> views;
  String[] viewSql;
  long counter;

  @Setup
  public void setUp() {
    rewriter = Rewriter.builder().build();
    views =
        SakilaViews.load(SakilaViews.defaultFile()).stream()
            .filter(v -> !v.name().equals("actor_info") && !v.name().equals("sales_by_store"))
            .toList();
    if (views.size() != VIEWS) {
      throw new IllegalStateException("expected " + VIEWS + " Sakila views, found " + views);
    }
    viewSql = views.stream().map(SakilaViews.View::sql).toArray(String[]::new);
    rewriter.translate(SIMPLE);
    rewriter.translate(COMPLEX);
    for (String sql : viewSql) {
      rewriter.translate(sql);
    }
  }

  @Benchmark
  public Translation hitSimple() {
    return rewriter.translate(SIMPLE);
  }

  @Benchmark
  public Translation missSimple() {
    return rewriter.translate(SIMPLE_HEAD + (++counter));
  }

  @Benchmark
  public Translation hitComplex() {
    return rewriter.translate(COMPLEX);
  }

  @Benchmark
  public Translation missComplex() {
    return rewriter.translate(COMPLEX_HEAD + (++counter) + COMPLEX_TAIL);
  }

  @Benchmark
  @OperationsPerInvocation(VIEWS)
  public void hitSakilaViews(Blackhole bh) {
    for (String sql : viewSql) {
      bh.consume(rewriter.translate(sql));
    }
  }

  @Benchmark
  @OperationsPerInvocation(VIEWS)
  public void missSakilaViews(Blackhole bh) {
    long n = ++counter;
    for (SakilaViews.View v : views) {
      bh.consume(rewriter.translate(v.renamed(n)));
    }
  }
}
