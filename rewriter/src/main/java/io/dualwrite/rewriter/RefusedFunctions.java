package io.dualwrite.rewriter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each MySQL built-in function with no translation is refused: the sentence a refusal {@code
 * unsupported-function:NAME} carries, so that a user (and {@code docs/functions.md}) reads the
 * reason, not only that there is none. Functions refused only for some arguments say so where they
 * are printed; these are refused for every call.
 */
final class RefusedFunctions {
  private RefusedFunctions() {}

  private static final Map<String, String> REASONS = new HashMap<>();

  /** The start of the reason of a function that could be translated exactly but is not yet. */
  private static final String NOT_YET = "not translated yet: ";

  private static void reason(String why, String... names) {
    for (String n : names) {
      if (REASONS.put(n, why) != null) {
        throw new IllegalStateException("Two reasons for " + n);
      }
    }
  }

  private static void reason(String why, List<String> names) {
    reason(why, names.toArray(String[]::new));
  }

  /** The refusal sentence for {@code name} (upper case), or null when none is recorded. */
  static String reason(String name) {
    String why = REASONS.get(name);
    if (why == null) {
      return null;
    }
    return why.startsWith(NOT_YET) ? name + "() is " + why : name + "() is not translated: " + why;
  }

  static {
    reason(
        "spatial values are not mirrored (the spatial column types are refused in DDL) and core"
            + " PostgreSQL has no spatial functions (PostGIS differs in SRID and axis handling).",
        List.of(
            "GEOMCOLLECTION",
            "GEOMETRYCOLLECTION",
            "LINESTRING",
            "MULTILINESTRING",
            "MULTIPOINT",
            "MULTIPOLYGON",
            "POINT",
            "POLYGON",
            "MBRCONTAINS",
            "MBRCOVEREDBY",
            "MBRCOVERS",
            "MBRDISJOINT",
            "MBREQUALS",
            "MBRINTERSECTS",
            "MBROVERLAPS",
            "MBRTOUCHES",
            "MBRWITHIN",
            "ST_AREA",
            "ST_ASBINARY",
            "ST_ASGEOJSON",
            "ST_ASTEXT",
            "ST_ASWKB",
            "ST_ASWKT",
            "ST_BUFFER",
            "ST_BUFFER_STRATEGY",
            "ST_CENTROID",
            "ST_COLLECT",
            "ST_CONTAINS",
            "ST_CONVEXHULL",
            "ST_CROSSES",
            "ST_DIFFERENCE",
            "ST_DIMENSION",
            "ST_DISJOINT",
            "ST_DISTANCE",
            "ST_DISTANCE_SPHERE",
            "ST_ENDPOINT",
            "ST_ENVELOPE",
            "ST_EQUALS",
            "ST_EXTERIORRING",
            "ST_FRECHETDISTANCE",
            "ST_GEOHASH",
            "ST_GEOMCOLLFROMTEXT",
            "ST_GEOMCOLLFROMTXT",
            "ST_GEOMCOLLFROMWKB",
            "ST_GEOMETRYCOLLECTIONFROMTEXT",
            "ST_GEOMETRYCOLLECTIONFROMWKB",
            "ST_GEOMETRYFROMTEXT",
            "ST_GEOMETRYFROMWKB",
            "ST_GEOMETRYN",
            "ST_GEOMETRYTYPE",
            "ST_GEOMFROMGEOJSON",
            "ST_GEOMFROMTEXT",
            "ST_GEOMFROMWKB",
            "ST_HAUSDORFFDISTANCE",
            "ST_INTERIORRINGN",
            "ST_INTERSECTION",
            "ST_INTERSECTS",
            "ST_ISCLOSED",
            "ST_ISEMPTY",
            "ST_ISSIMPLE",
            "ST_ISVALID",
            "ST_LATFROMGEOHASH",
            "ST_LATITUDE",
            "ST_LENGTH",
            "ST_LINEFROMTEXT",
            "ST_LINEFROMWKB",
            "ST_LINEINTERPOLATEPOINT",
            "ST_LINEINTERPOLATEPOINTS",
            "ST_LINESTRINGFROMTEXT",
            "ST_LINESTRINGFROMWKB",
            "ST_LONGFROMGEOHASH",
            "ST_LONGITUDE",
            "ST_MAKEENVELOPE",
            "ST_MLINEFROMTEXT",
            "ST_MLINEFROMWKB",
            "ST_MPOINTFROMTEXT",
            "ST_MPOINTFROMWKB",
            "ST_MPOLYFROMTEXT",
            "ST_MPOLYFROMWKB",
            "ST_MULTILINESTRINGFROMTEXT",
            "ST_MULTILINESTRINGFROMWKB",
            "ST_MULTIPOINTFROMTEXT",
            "ST_MULTIPOINTFROMWKB",
            "ST_MULTIPOLYGONFROMTEXT",
            "ST_MULTIPOLYGONFROMWKB",
            "ST_NUMGEOMETRIES",
            "ST_NUMINTERIORRING",
            "ST_NUMINTERIORRINGS",
            "ST_NUMPOINTS",
            "ST_OVERLAPS",
            "ST_POINTATDISTANCE",
            "ST_POINTFROMGEOHASH",
            "ST_POINTFROMTEXT",
            "ST_POINTFROMWKB",
            "ST_POINTN",
            "ST_POLYFROMTEXT",
            "ST_POLYFROMWKB",
            "ST_POLYGONFROMTEXT",
            "ST_POLYGONFROMWKB",
            "ST_SIMPLIFY",
            "ST_SRID",
            "ST_STARTPOINT",
            "ST_SWAPXY",
            "ST_SYMDIFFERENCE",
            "ST_TOUCHES",
            "ST_TRANSFORM",
            "ST_UNION",
            "ST_VALIDATE",
            "ST_WITHIN",
            "ST_X",
            "ST_Y"));
    reason(
        "an internal function of MySQL's data dictionary (behind its information_schema views);"
            + " it describes MySQL's own copy of the schema.",
        List.of(
            "CAN_ACCESS_COLUMN",
            "CAN_ACCESS_DATABASE",
            "CAN_ACCESS_TABLE",
            "CAN_ACCESS_USER",
            "CAN_ACCESS_VIEW",
            "GET_DD_COLUMN_PRIVILEGES",
            "GET_DD_CREATE_OPTIONS",
            "GET_DD_INDEX_SUB_PART_LENGTH",
            "INTERNAL_AUTO_INCREMENT",
            "INTERNAL_AVG_ROW_LENGTH",
            "INTERNAL_CHECKSUM",
            "INTERNAL_CHECK_TIME",
            "INTERNAL_DATA_FREE",
            "INTERNAL_DATA_LENGTH",
            "INTERNAL_DD_CHAR_LENGTH",
            "INTERNAL_GET_COMMENT_OR_ERROR",
            "INTERNAL_GET_ENABLED_ROLE_JSON",
            "INTERNAL_GET_HOSTNAME",
            "INTERNAL_GET_USERNAME",
            "INTERNAL_GET_VIEW_WARNING_OR_ERROR",
            "INTERNAL_INDEX_COLUMN_CARDINALITY",
            "INTERNAL_INDEX_LENGTH",
            "INTERNAL_IS_ENABLED_ROLE",
            "INTERNAL_IS_MANDATORY_ROLE",
            "INTERNAL_KEYS_DISABLED",
            "INTERNAL_MAX_DATA_LENGTH",
            "INTERNAL_TABLE_ROWS",
            "INTERNAL_UPDATE_TIME",
            "IS_VISIBLE_DD_OBJECT"));
    reason(
        "it reads or waits on MySQL's replication state (GTIDs, binary log positions), which"
            + " PostgreSQL does not have.",
        "GTID_SUBSET",
        "GTID_SUBTRACT",
        "MASTER_POS_WAIT",
        "SOURCE_POS_WAIT",
        "WAIT_FOR_EXECUTED_GTID_SET");
    reason(
        "a MySQL Enterprise Encryption component function; its key formats and padding are"
            + " MySQL's own.",
        "ASYMMETRIC_DECRYPT",
        "ASYMMETRIC_ENCRYPT",
        "ASYMMETRIC_SIGN",
        "ASYMMETRIC_VERIFY",
        "CREATE_ASYMMETRIC_PRIV_KEY",
        "CREATE_ASYMMETRIC_PUB_KEY",
        "CREATE_DIGEST");
    reason(
        "it reads MySQL's performance_schema (thread ids) or formats with MySQL's own units and"
            + " rounding.",
        "FORMAT_BYTES",
        "FORMAT_PICO_TIME",
        "PS_CURRENT_THREAD_ID",
        "PS_THREAD_ID");
    reason(
        "MySQL's VECTOR type is not mirrored (refused in DDL; core PostgreSQL has no vector type).",
        "DISTANCE",
        "STRING_TO_VECTOR",
        "VECTOR_DIM",
        "VECTOR_TO_STRING");
    reason(
        "MySQL's XPath subset over a text fragment (malformed XML gives NULL, several matches are"
            + " joined by spaces) differs from PostgreSQL's xpath(), which needs well-formed XML and"
            + " returns xml[].",
        "EXTRACTVALUE",
        "UPDATEXML");
    reason(
        "it describes the character set, collation or coercibility MySQL gives the argument;"
            + " PostgreSQL's strings are UTF8 with its own collations.",
        "CHARSET",
        "COERCIBILITY",
        "COLLATION");
    reason("it times MySQL's own evaluation of an expression.", "BENCHMARK");
    reason(
        "it reads MySQL's account roles, which are not mirrored.", "CURRENT_ROLE", "ROLES_GRAPHML");
    reason("it reports the ICU library MySQL is built with.", "ICU_VERSION");
    reason(
        "MySQL folds the key to 16 bytes by XOR and encrypts under its block_encryption_mode; core"
            + " PostgreSQL has no AES (pgcrypto's encrypt() takes the key as given), so the bytes"
            + " differ.",
        "AES_ENCRYPT",
        "AES_DECRYPT");
    reason(
        "MySQL's format is zlib data behind a 4-byte length header; core PostgreSQL has no"
            + " function that writes or reads it.",
        "COMPRESS",
        "UNCOMPRESS",
        "UNCOMPRESSED_LENGTH");
    reason(
        "random bytes from MySQL's TLS library; core PostgreSQL has none (pgcrypto's"
            + " gen_random_bytes only when installed), and each side would draw different ones.",
        "RANDOM_BYTES");
    reason(
        "it normalises and hashes a statement with MySQL's own parser.",
        "STATEMENT_DIGEST",
        "STATEMENT_DIGEST_TEXT");
    reason(
        "it scores a password with MySQL's validate_password component and its settings.",
        "VALIDATE_PASSWORD_STRENGTH");
    reason("it reads a file on the MySQL server's host (under secure_file_priv).", "LOAD_FILE");
    reason(
        "it gives the weights of MySQL's collation of the argument; PostgreSQL's collations have"
            + " other weights.",
        "WEIGHT_STRING");
    reason(
        "MySQL's SOUNDEX keeps every code (not only four characters) and core PostgreSQL has no"
            + " soundex (fuzzystrmatch's differs and is an extension).",
        "SOUNDEX");
    reason(
        "a number built from MySQL's server_id and start time and a counter of its own.",
        "UUID_SHORT");
    reason(
        "it exists for MySQL's binary logging of stored routines (a value with a column name);"
            + " write the value with an alias instead.",
        "NAME_CONST");
    // not translated yet: the reason says what an exact translation must reproduce
    String notYet = NOT_YET;
    reason(notYet + "core PostgreSQL has no CRC-32 function.", "CRC32");
    reason(
        notYet
            + "the result type (DATE or DATETIME) and MySQL's NULL for invalid values depend on the"
            + " arguments.",
        "GET_FORMAT");
    reason(
        notYet + "MySQL's binary string results and NULL for invalid input need exact forms.",
        "INET6_ATON",
        "INET6_NTOA",
        "IS_IPV4_COMPAT",
        "IS_IPV4_MAPPED",
        "IS_IPV6");
    reason(notYet + "the column's default comes from MySQL's table definition.", "DEFAULT");
    reason(
        "MySQL's pretty-printed layout (two-space indents, its key order) is not PostgreSQL's"
            + " jsonb_pretty() layout.",
        "JSON_PRETTY");
    reason(
        "it reports the size of MySQL's binary JSON storage.",
        "JSON_STORAGE_FREE",
        "JSON_STORAGE_SIZE");
    reason(
        "core PostgreSQL has no JSON Schema validator.",
        "JSON_SCHEMA_VALID",
        "JSON_SCHEMA_VALIDATION_REPORT");
  }
}
