package io.dualwrite.rewriter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a PostgreSQL database offers that translations depend on, read once from it: its extensions
 * (pgcrypto for SHA1), the collations of {@link Collations} it has ({@code dualwrite_ai_ci}), and
 * the collation UPPER/LOWER must run under when its own case mapping is ASCII's only ({@link
 * Collations#CASE_MAPPING_SQL}). The driver, {@code dualwrite-admin schema} and {@code translate},
 * and the equivalence suite read it the same way.
 *
 * @param extensions installed extensions, lower case
 * @param collations the collations of {@link Collations} it has, lower case
 * @param caseCollation see {@link SchemaCatalog#postgresCaseCollation()}; null when not needed or
 *     not available
 */
public record PostgresCapabilities(
    Set<String> extensions, Set<String> collations, String caseCollation) {

  /** A PostgreSQL not asked (or that could not be): nothing that needs one is translated. */
  public static final PostgresCapabilities NONE =
      new PostgresCapabilities(Set.of(), Set.of(), null);

  public PostgresCapabilities {
    extensions = lowerCase(extensions);
    collations = lowerCase(collations);
  }

  /** Reads them through {@code pg} (three catalog queries). */
  public static PostgresCapabilities read(Connection pg) throws SQLException {
    Set<String> extensions = new HashSet<>();
    Set<String> collations = new HashSet<>();
    String caseCollation;
    try (Statement s = pg.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT extname FROM pg_extension")) {
        while (rs.next()) {
          extensions.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT collname FROM pg_collation WHERE collname = '"
                  + Collations.AI_CI
                  + "' AND pg_collation_is_visible(oid)")) {
        while (rs.next()) {
          collations.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery(Collations.CASE_MAPPING_SQL)) {
        caseCollation = rs.next() ? rs.getString(1) : null;
      }
    }
    return new PostgresCapabilities(extensions, collations, caseCollation);
  }

  /** These, with the collation {@code name} had or not (what a schema being created will have). */
  public PostgresCapabilities withCollation(String name, boolean has) {
    Set<String> c = new HashSet<>(collations);
    if (has) {
      c.add(name.toLowerCase(Locale.ROOT));
    } else {
      c.remove(name.toLowerCase(Locale.ROOT));
    }
    return new PostgresCapabilities(extensions, c, caseCollation);
  }

  public boolean hasExtension(String name) {
    return extensions.contains(name.toLowerCase(Locale.ROOT));
  }

  public boolean hasCollation(String name) {
    return collations.contains(name.toLowerCase(Locale.ROOT));
  }

  private static Set<String> lowerCase(Set<String> names) {
    Set<String> lower = new HashSet<>();
    names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
    return Set.copyOf(lower);
  }
}
