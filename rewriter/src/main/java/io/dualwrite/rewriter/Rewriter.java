package io.dualwrite.rewriter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;

/**
 * Translates MySQL statements to PostgreSQL: every construct is translated with the same meaning or
 * refused with a reason. Thread-safe; one per driver instance or data source.
 *
 * <p>Results, refusals included, are cached by SQL text and catalog generation in a bounded
 * Caffeine cache; a hit costs one hash lookup.
 */
public final class Rewriter {

  /**
   * Cache key: the SQL text plus the catalog generation it was translated against and the sql_mode
   * it was read under.
   */
  private record Key(String sql, long generation, SqlMode mode) {}

  private static final System.Logger LOG = System.getLogger(Rewriter.class.getName());

  private final SchemaCatalog catalog;
  private final Translator translator;
  private final Cache<Object, Translation> cache;

  private Rewriter(Builder b) {
    this.catalog = b.catalog;
    this.translator = new Translator(b.catalog, b.maxStatementLength, b.parseTimeoutMillis);
    this.cache = Caffeine.newBuilder().maximumSize(b.cacheSize).build();
  }

  /** A builder with the defaults: empty catalog, 10 000 cached statements, 1 000 000 chars, 2 s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Translates a statement read under the server's default sql_mode. Never throws for bad SQL:
   * unparseable or untranslatable input gives a refused Translation.
   */
  public Translation translate(String mysqlSql) {
    return translate(mysqlSql, SqlMode.DEFAULT);
  }

  /**
   * Translates a statement as MySQL reads it under the session's {@code sqlMode}; see {@link
   * SqlMode}. Never throws for bad SQL.
   */
  public Translation translate(String mysqlSql, SqlMode sqlMode) {
    Objects.requireNonNull(mysqlSql, "mysqlSql");
    Objects.requireNonNull(sqlMode, "sqlMode");
    long generation = catalog.generation();
    // the common case (generation 0, immutable catalog, default mode) keys by the string alone
    Object key =
        generation == 0 && sqlMode.isDefault() ? mysqlSql : new Key(mysqlSql, generation, sqlMode);
    Translation t = cache.getIfPresent(key);
    if (t != null) {
      return t;
    }
    t = translateUncached(mysqlSql, sqlMode);
    cache.put(key, t);
    return t;
  }

  private Translation translateUncached(String sql, SqlMode mode) {
    try {
      return translator.translate(sql, mode);
    } catch (RefusedException r) {
      return Translation.refused(sql, StatementKind.OTHER, r.refusal, 0);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(System.Logger.Level.DEBUG, "rewriter failed", e);
      // a bug or a JSqlParser tree we do not expect: refuse rather than fail the caller
      return Translation.refused(
          sql,
          StatementKind.OTHER,
          new Refusal(
              "internal-error",
              "The rewriter failed on this statement (" + e.getClass().getSimpleName() + ")."),
          0);
    }
  }

  /** Drops cached translations (call after DDL or a catalog reload). */
  public void invalidate() {
    cache.invalidateAll();
  }

  /** The catalog translations consult. */
  public SchemaCatalog catalog() {
    return catalog;
  }

  /** Configures a {@link Rewriter}. */
  public static final class Builder {
    private SchemaCatalog catalog = SchemaCatalog.EMPTY;
    private long cacheSize = 10_000;
    private int maxStatementLength = 1_000_000;
    private long parseTimeoutMillis = 2000;

    private Builder() {}

    /** The tables' keys, AUTO_INCREMENT and collations (default: {@link SchemaCatalog#EMPTY}). */
    public Builder catalog(SchemaCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Maximum number of cached translations (default 10 000; 0 disables caching). */
    public Builder cacheSize(long cacheSize) {
      if (cacheSize < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0");
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /** Longer statements are refused with {@code statement-too-long} (default 1 000 000). */
    public Builder maxStatementLength(int maxStatementLength) {
      if (maxStatementLength <= 0) {
        throw new IllegalArgumentException("maxStatementLength must be > 0");
      }
      this.maxStatementLength = maxStatementLength;
      return this;
    }

    /** Parses running longer are refused with {@code parse-timeout} (default 2000 ms). */
    public Builder parseTimeoutMillis(long parseTimeoutMillis) {
      if (parseTimeoutMillis <= 0) {
        throw new IllegalArgumentException("parseTimeoutMillis must be > 0");
      }
      this.parseTimeoutMillis = parseTimeoutMillis;
      return this;
    }

    public Rewriter build() {
      return new Rewriter(this);
    }
  }
}
