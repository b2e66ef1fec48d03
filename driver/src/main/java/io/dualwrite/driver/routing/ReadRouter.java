package io.dualwrite.driver.routing;

import io.dualwrite.driver.Phase;
import io.dualwrite.driver.Phase.Side;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides where one read goes (contract section 3). A read is eligible for PostgreSQL only outside
 * a transaction that has written, when it takes no locks, when no table it reads has open drift and
 * when the non-authoritative side is healthy; then {@code readPercent} of eligible reads go to
 * PostgreSQL. Independently, {@code comparePercent} of reads run on both sides and are compared.
 */
public final class ReadRouter {

  /** Where a read runs, and whether it is also run on the other side for comparison. */
  public record Route(Side side, boolean compare) {}

  private static final Route MYSQL = new Route(Side.MYSQL, false);
  private static final Route POSTGRES = new Route(Side.POSTGRES, false);
  private static final Route MYSQL_COMPARED = new Route(Side.MYSQL, true);
  private static final Route POSTGRES_COMPARED = new Route(Side.POSTGRES, true);

  private ReadRouter() {}

  /**
   * @param flags the connection's flags for this transaction
   * @param eligible the read may leave the authoritative side (see class comment)
   * @param otherSideHealthy the non-authoritative side's breaker is closed and it is reachable
   */
  public static Route route(Flags flags, boolean eligible, boolean otherSideHealthy) {
    Phase phase = flags.phase();
    if (!phase.mirrorsWrites()) {
      return phase.authoritative() == Side.MYSQL ? MYSQL : POSTGRES;
    }
    Side authoritative = phase.authoritative();
    if (!eligible || !otherSideHealthy) {
      return authoritative == Side.MYSQL ? MYSQL : POSTGRES;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    boolean toPostgres = flags.readPercent() > 0 && random.nextInt(100) < flags.readPercent();
    boolean compare = flags.comparePercent() > 0 && random.nextInt(100) < flags.comparePercent();
    if (toPostgres) {
      return compare ? POSTGRES_COMPARED : POSTGRES;
    }
    return compare ? MYSQL_COMPARED : MYSQL;
  }
}
