package io.dualwrite.driver;

/**
 * The migration phases of contract section 3: which database is authoritative and which is written
 * as a mirror. Phases are ordered: moving to a later one is "forward".
 */
public enum Phase {
  /** MySQL only; PostgreSQL is not used. */
  MYSQL_ONLY(Side.MYSQL, false),
  /** MySQL first and authoritative, then the same change on PostgreSQL. */
  DUAL_WRITE(Side.MYSQL, true),
  /** PostgreSQL first and authoritative, then the same change on MySQL. */
  PG_PRIMARY(Side.POSTGRES, true),
  /** PostgreSQL only; MySQL is not used. */
  PG_ONLY(Side.POSTGRES, false);

  /** One of the two databases. */
  public enum Side {
    MYSQL,
    POSTGRES;

    public Side other() {
      return this == MYSQL ? POSTGRES : MYSQL;
    }
  }

  private final Side authoritative;
  private final boolean mirrored;

  Phase(Side authoritative, boolean mirrored) {
    this.authoritative = authoritative;
    this.mirrored = mirrored;
  }

  /** The side whose results, keys and errors the application sees. */
  public Side authoritative() {
    return authoritative;
  }

  /** Whether writes are also applied to the other side. */
  public boolean mirrorsWrites() {
    return mirrored;
  }

  /** Whether PostgreSQL is used at all in this phase. */
  public boolean usesPostgres() {
    return this != MYSQL_ONLY;
  }

  /** Whether MySQL is used at all in this phase. */
  public boolean usesMysql() {
    return this != PG_ONLY;
  }
}
