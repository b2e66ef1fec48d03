package io.dualwrite.driver.workload;

import static io.dualwrite.driver.testing.Workloads.describe;
import static io.dualwrite.driver.testing.Workloads.execute;
import static io.dualwrite.driver.testing.Workloads.longValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dualwrite.driver.discrepancy.Discrepancy;
import io.dualwrite.driver.jdbc.DualWriteConnection;
import io.dualwrite.driver.testing.DualWriteTestUrls;
import io.dualwrite.driver.testing.Workloads;
import io.dualwrite.testkit.DatabasePair;
import io.dualwrite.testkit.TestDatabases;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hibernate ORM 6 with the dialect it picks from {@code DatabaseMetaData}, over HikariCP, over
 * dualwrite in DUAL_WRITE: entity CRUD with IDENTITY ids, a many-to-one, a boolean, a BigDecimal,
 * an enum, a LocalDateTime and {@code @Version} optimistic locking, a JPQL query, a native query
 * and a rolled-back transaction; then both databases must hold the same rows.
 */
@ExtendWith(TestDatabases.class)
class HibernateWorkloadIT {

  public enum Role {
    PARENT,
    CHILD
  }

  @Entity(name = "Household")
  @Table(name = "hib_household")
  public static class Household {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 80)
    String name;

    @Version int version;

    public Household() {}

    Household(String name) {
      this.name = name;
    }
  }

  @Entity(name = "Member")
  @Table(name = "hib_member")
  public static class Member {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "household_id")
    Household household;

    @Column(nullable = false, length = 80)
    String name;

    @Column(nullable = false)
    boolean active;

    @Column(precision = 10, scale = 2, nullable = false)
    BigDecimal balance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    Role role;

    @Column(name = "joined_at", nullable = false)
    LocalDateTime joinedAt;

    @Version long version;

    public Member() {}

    Member(Household h, String name, boolean active, String balance, Role role) {
      this.household = h;
      this.name = name;
      this.active = active;
      this.balance = new BigDecimal(balance);
      this.role = role;
      this.joinedAt = LocalDateTime.of(2024, 5, 17, 8, 30, 15);
    }
  }

  /** The schema in MySQL DDL; {@code flagType} is the boolean column's type. */
  static String[] ddl(String flagType) {
    return new String[] {
      "DROP TABLE IF EXISTS hib_member",
      "DROP TABLE IF EXISTS hib_household",
      "CREATE TABLE hib_household (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " name VARCHAR(80) NOT NULL, version INT NOT NULL) ENGINE=InnoDB",
      "CREATE TABLE hib_member (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " household_id BIGINT NOT NULL, name VARCHAR(80) NOT NULL,"
          + " active "
          + flagType
          + " NOT NULL, balance DECIMAL(10,2) NOT NULL,"
          + " role VARCHAR(10) NOT NULL, joined_at DATETIME(6) NOT NULL, version BIGINT NOT NULL,"
          + " CONSTRAINT fk_member_household FOREIGN KEY (household_id)"
          + " REFERENCES hib_household (id)) ENGINE=InnoDB"
    };
  }

  private final List<Discrepancy> seen = new CopyOnWriteArrayList<>();

  private static void schemaThroughTheDriver(DatabasePair db, String flagType) throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db)) {
      execute(c, ddl(flagType));
    }
  }

  /**
   * HikariCP with {@code dataSourceClassName} = {@code DualWriteDataSource} and bean properties.
   */
  static HikariDataSource hikariOverDualWriteDataSource(DatabasePair db) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("dualwrite-datasource");
    config.setMaximumPoolSize(3);
    config.setDataSourceClassName("io.dualwrite.driver.DualWriteDataSource");
    config.addDataSourceProperty("url", DualWriteTestUrls.url(db));
    config.addDataSourceProperty("user", db.mysql().user());
    if (db.mysql().password() != null) {
      config.addDataSourceProperty("password", db.mysql().password());
    }
    config.addDataSourceProperty("postgresUrl", db.postgres().jdbcUrl());
    config.addDataSourceProperty("postgresUser", db.postgres().user());
    if (db.postgres().password() != null) {
      config.addDataSourceProperty("postgresPassword", db.postgres().password());
    }
    config.addDataSourceProperty("control", "none");
    return new HikariDataSource(config);
  }

  /** HikariCP with {@code jdbcUrl = jdbc:dualwrite:mysql://...} through DriverManager. */
  static HikariDataSource hikariOverDriverManager(DatabasePair db) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("dualwrite-jdbcurl");
    config.setMaximumPoolSize(3);
    config.setJdbcUrl(DualWriteTestUrls.url(db));
    Properties p = DualWriteTestUrls.properties(db);
    config.setUsername(p.getProperty("user"));
    if (p.getProperty("password") != null) {
      config.setPassword(p.getProperty("password"));
    }
    p.remove("user");
    p.remove("password");
    config.setDataSourceProperties(p);
    return new HikariDataSource(config);
  }

  private SessionFactory sessionFactory(DataSource ds, String hbm2ddl) {
    Configuration cfg = new Configuration();
    cfg.addAnnotatedClass(Household.class);
    cfg.addAnnotatedClass(Member.class);
    cfg.getProperties().put(AvailableSettings.DATASOURCE, ds);
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, hbm2ddl);
    cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
    return cfg.buildSessionFactory();
  }

  private void listen(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.unwrap(DualWriteConnection.class).discrepancyRecorder().addSink(seen::add);
    }
  }

  @Test
  void hibernateOverHikariWithDualWriteDataSourceKeepsBothSidesEqual(DatabasePair db)
      throws SQLException {
    // BIT(1): what Hibernate's MySQL dialect itself uses for a boolean.
    schemaThroughTheDriver(db, "BIT(1)");
    try (HikariDataSource ds = hikariOverDualWriteDataSource(db)) {
      runWorkload(db, ds, "none");
    }
  }

  @Test
  void hibernateOverHikariWithJdbcUrlKeepsBothSidesEqual(DatabasePair db) throws SQLException {
    // TINYINT(1): the usual hand-written MySQL boolean.
    schemaThroughTheDriver(db, "TINYINT(1)");
    try (HikariDataSource ds = hikariOverDriverManager(db)) {
      runWorkload(db, ds, "none");
    }
  }

  /** Hibernate creating its own schema (MySQL dialect DDL) through the driver. */
  @Test
  void hibernateSchemaCreationThroughTheDriverKeepsBothSidesEqual(DatabasePair db)
      throws SQLException {
    try (Connection c = DualWriteTestUrls.connect(db)) {
      execute(c, "DROP TABLE IF EXISTS hib_member", "DROP TABLE IF EXISTS hib_household");
    }
    try (HikariDataSource ds = hikariOverDualWriteDataSource(db)) {
      runWorkload(db, ds, "create");
    }
  }

  private void runWorkload(DatabasePair db, HikariDataSource ds, String hbm2ddl)
      throws SQLException {
    listen(ds);
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getDatabaseProductName()).isIn("MySQL", "MariaDB");
      assertThat(md.getConnection())
          .isSameAs(c.unwrap(Connection.class) == c ? c : md.getConnection());
    }
    try (SessionFactory sf = sessionFactory(ds, hbm2ddl)) {
      Dialect dialect = sf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
      assertThat(dialect)
          .as("dialect picked from DatabaseMetaData")
          .isInstanceOf(MySQLDialect.class);

      // Create: IDENTITY ids come from the driver's generated keys.
      long[] ids =
          sf.fromTransaction(
              s -> {
                Household h = new Household("Smith");
                s.persist(h);
                Member a = new Member(h, "Ann", true, "10.50", Role.PARENT);
                Member b = new Member(h, "Bob", false, "-3.25", Role.CHILD);
                Member c = new Member(h, "Cid", true, "0.01", Role.CHILD);
                s.persist(a);
                s.persist(b);
                s.persist(c);
                return new long[] {h.id, a.id, b.id, c.id};
              });
      assertThat(ids[0]).isPositive();
      assertThat(ids[1]).isLessThan(ids[2]).isLessThan(ids[3]);

      // Update through dirty checking (version-checked UPDATE).
      sf.inTransaction(
          s -> {
            Member b = s.find(Member.class, ids[2]);
            assertThat(b.active).isFalse();
            assertThat(b.balance).isEqualByComparingTo("-3.25");
            assertThat(b.role).isEqualTo(Role.CHILD);
            assertThat(b.joinedAt).isEqualTo(LocalDateTime.of(2024, 5, 17, 8, 30, 15));
            b.active = true;
            b.balance = b.balance.add(new BigDecimal("100.00"));
            // Whole seconds: Connector/J drops fractional seconds it sends to MariaDB (which
            // announces itself as 5.5.5-...), so MariaDB would keep less than PostgreSQL; against
            // MySQL 8 both keep the microseconds.
            b.joinedAt = LocalDateTime.of(2024, 6, 1, 12, 0, 0);
          });

      // Optimistic locking: a stale copy must fail, as it would on MySQL alone.
      Member stale = sf.fromTransaction(s -> s.find(Member.class, ids[1]));
      sf.inTransaction(s -> s.find(Member.class, ids[1]).name = "Ann (fresh)");
      stale.name = "Ann (stale)";
      assertThatThrownBy(() -> sf.inTransaction(s -> s.merge(stale)))
          .isInstanceOfAny(OptimisticLockException.class, StaleObjectStateException.class);

      // JPQL with a join, a boolean and an enum parameter.
      List<String> names =
          sf.fromSession(
              s ->
                  s.createSelectionQuery(
                          "select m.name from Member m join m.household h"
                              + " where h.name = :h and m.active = true and m.role = :r"
                              + " order by m.id",
                          String.class)
                      .setParameter("h", "Smith")
                      .setParameter("r", Role.CHILD)
                      .getResultList());
      assertThat(names).containsExactly("Bob", "Cid");

      // Native query.
      Long rich =
          sf.fromSession(
              s ->
                  s.createNativeQuery(
                          "SELECT COUNT(*) FROM hib_member WHERE balance > :min", Long.class)
                      .setParameter("min", new BigDecimal("5"))
                      .getSingleResult());
      assertThat(rich.intValue()).isEqualTo(2);

      // A rolled-back transaction leaves no trace on either side.
      sf.inSession(
          s -> {
            var tx = s.beginTransaction();
            Household h = s.find(Household.class, ids[0]);
            s.persist(new Member(h, "Ghost", true, "1.00", Role.CHILD));
            h.name = "Renamed in rollback";
            s.flush();
            tx.rollback();
          });

      // Delete.
      sf.inTransaction(s -> s.remove(s.find(Member.class, ids[3])));
    }
    try (Connection pg = db.openPostgres()) {
      assertThat(longValue(pg, "SELECT COUNT(*) FROM hib_member WHERE name = 'Ghost'")).isZero();
      assertThat(longValue(pg, "SELECT COUNT(*) FROM hib_member")).isEqualTo(2);
    }
    List<String> differences = new ArrayList<>();
    for (String table : List.of("hib_household", "hib_member")) {
      String sql = "SELECT * FROM " + table + " ORDER BY id";
      try (Connection m = db.openMysql();
          Connection p = db.openPostgres()) {
        List<List<Object>> mysql = Workloads.rows(m, sql);
        List<List<Object>> postgres = Workloads.rows(p, sql);
        if (!mysql.equals(postgres)) {
          differences.add(table + ":\n  mysql    " + mysql + "\n  postgres " + postgres);
        }
      }
    }
    assertThat(differences).as("tables that differ").isEmpty();
    assertThat(seen).as("discrepancies: %s", describe(seen)).isEmpty();
  }
}
