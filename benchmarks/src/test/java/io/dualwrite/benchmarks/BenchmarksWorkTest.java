package io.dualwrite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.benchmarks.stub.StubFixture;
import io.dualwrite.driver.Phase;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.routing.ReadRouter;
import io.dualwrite.rewriter.Translation;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One invocation of every stub, rewriter and routing benchmark body, checking that it measures what
 * its Javadoc says: a broken benchmark fails the build instead of producing a meaningless number.
 */
class BenchmarksWorkTest {

  private static Blackhole blackhole() {
    return new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is"
            + " dangerous.");
  }

  @Test
  void passThroughPairsRunTheSameCallsWithAndWithoutDualwrite() throws SQLException {
    PassThroughBenchmark b = new PassThroughBenchmark();
    PassThroughBenchmark.Conns s = new PassThroughBenchmark.Conns();
    s.open();
    try {
      assertThat(s.wrapped.isWrapperFor(DualWriteConnection.class)).isTrue();
      assertThat(s.rawMysql.isWrapperFor(DualWriteConnection.class)).isFalse();
      long raw = b.rawStatementCycle(s);
      assertThat(raw).isPositive();
      assertThat(b.wrappedStatementCycle(s)).isPositive();
      assertThat(b.wrappedMysqlOnlyStatementCycle(s)).isPositive();

      long mysqlBefore = s.dualWrite.driver().mysqlWrites();
      long pgBefore = s.dualWrite.driver().postgresWrites();
      assertThat(b.rawInsertCycle(s)).isEqualTo(2);
      assertThat(s.dualWrite.driver().mysqlWrites()).isEqualTo(mysqlBefore + 1);
      assertThat(s.dualWrite.driver().postgresWrites()).isEqualTo(pgBefore + 1);
      assertThat(b.wrappedInsertCycle(s)).isEqualTo(1);
      assertThat(s.dualWrite.driver().mysqlWrites())
          .as("the authoritative write")
          .isEqualTo(mysqlBefore + 2);
      assertThat(s.dualWrite.driver().postgresWrites())
          .as("the mirror write")
          .isEqualTo(pgBefore + 2);
      assertThat(s.dualWrite.runtime().drift().isEmpty()).isTrue();
    } finally {
      s.close();
    }
  }

  @Test
  void bindBenchmarkBindsEveryParameterOnBothPaths() throws SQLException {
    for (int params : new int[] {1, 10}) {
      BindBenchmark b = new BindBenchmark();
      b.params = params;
      b.open();
      try {
        assertThat(BindBenchmark.sql(params).chars().filter(ch -> ch == '?').count())
            .isEqualTo(params);
        b.id = 0;
        long raw = b.raw();
        b.id = 0;
        assertThat(b.wrapped()).isEqualTo(raw).isPositive();
      } finally {
        b.close();
      }
    }
  }

  @Test
  void rowReadBenchmarkReadsEveryRowOnBothPaths() throws SQLException {
    for (int rows : new int[] {1, 100, 1000}) {
      RowReadBenchmark b = new RowReadBenchmark();
      b.rows = rows;
      b.open();
      try {
        long raw = b.raw();
        assertThat(b.wrapped()).isEqualTo(raw);
        long pgBefore = b.postgresFixture.driver().postgresQueries();
        assertThat(b.wrappedPostgres()).isEqualTo(raw);
        assertThat(b.postgresFixture.driver().postgresQueries())
            .as("served by the PostgreSQL stub")
            .isEqualTo(pgBefore + 1);
        // every row contributes: rows are numbered, so the sum grows with the row count
        assertThat(raw).isGreaterThanOrEqualTo(rows * 3L);
      } finally {
        b.close();
      }
    }
  }

  @Test
  void rewriterBenchmarkTranslatesEveryStatementAndMissesReallyMiss() {
    RewriterBenchmark b = new RewriterBenchmark();
    b.setUp();
    assertThat(b.views).hasSize(RewriterBenchmark.VIEWS);
    for (Translation t : List.of(b.hitSimple(), b.hitComplex())) {
      assertThat(t.isRefused()).as(t.mysqlSql()).isFalse();
      assertThat(t.postgresSql()).isNotBlank();
    }
    for (String view : b.viewSql) {
      Translation t = b.rewriter.translate(view);
      assertThat(t.isRefused()).as("%s: %s", view, t.refusal()).isFalse();
    }
    assertThat(b.hitSimple()).isSameAs(b.hitSimple());
    assertThat(b.hitComplex()).isSameAs(b.hitComplex());
    Translation miss1 = b.missSimple();
    Translation miss2 = b.missSimple();
    assertThat(miss1).isNotSameAs(miss2);
    assertThat(miss1.mysqlSql()).isNotEqualTo(miss2.mysqlSql());
    assertThat(miss1.isRefused()).isFalse();
    Translation complexMiss = b.missComplex();
    assertThat(complexMiss.isRefused()).isFalse();
    assertThat(complexMiss).isNotSameAs(b.missComplex());
    b.hitSakilaViews(blackhole());
    long before = b.counter;
    b.missSakilaViews(blackhole());
    assertThat(b.counter).isEqualTo(before + 1);
    Translation renamed = b.rewriter.translate(b.views.get(0).renamed(b.counter));
    assertThat(renamed.isRefused()).isFalse();
    assertThat(renamed.postgresSql()).contains(b.views.get(0).name() + "_" + b.counter);
  }

  @Test
  void routingBenchmarkRoutesByReadPercent() {
    RoutingBenchmark b = new RoutingBenchmark();
    b.readPercent = 0;
    b.flags();
    assertThat(b.route1Thread().side()).isEqualTo(Phase.Side.MYSQL);
    b.readPercent = 100;
    b.flags();
    assertThat(b.route8Threads().side()).isEqualTo(Phase.Side.POSTGRES);
    assertThat(b.route1Thread()).isInstanceOf(ReadRouter.Route.class);
  }

  @Test
  void stubFixtureServesReadsFromTheSideTheRouterChooses() throws SQLException {
    try (StubFixture f = StubFixture.open(Phase.DUAL_WRITE, 100);
        var c = f.dualwrite()) {
      // the first read opens the PostgreSQL side (which may ask MySQL about the session)
      PassThroughBenchmark.selectCycle(c, 1);
      long pg = f.driver().postgresQueries();
      long mysql = f.driver().mysqlQueries();
      assertThat(PassThroughBenchmark.selectCycle(c, 1)).isPositive();
      assertThat(f.driver().postgresQueries()).isEqualTo(pg + 1);
      assertThat(f.driver().mysqlQueries()).isEqualTo(mysql);
    }
    try (StubFixture f = StubFixture.open(Phase.DUAL_WRITE, 0);
        var c = f.dualwrite()) {
      long pg = f.driver().postgresQueries();
      long mysql = f.driver().mysqlQueries();
      assertThat(PassThroughBenchmark.selectCycle(c, 1)).isPositive();
      assertThat(f.driver().mysqlQueries()).isEqualTo(mysql + 1);
      assertThat(f.driver().postgresQueries()).isEqualTo(pg);
    }
  }
}
