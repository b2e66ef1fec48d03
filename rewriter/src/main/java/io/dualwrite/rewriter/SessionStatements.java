package io.dualwrite.rewriter;

import io.dualwrite.rewriter.SessionCommand.Handling;
import io.dualwrite.rewriter.SessionCommand.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies session and transaction statements from their tokens (JSqlParser reads few of them)
 * and translates the ones PostgreSQL must also run.
 */
final class SessionStatements {

  /** A classified statement: the command and the PostgreSQL SQL (null unless BOTH). */
  record Result(StatementKind kind, SessionCommand command, String postgresSql) {}

  private SessionStatements() {}

  /** Null when the statement is not a session or transaction statement. */
  static Result classify(Tokens t) {
    String w0 = t.word(0);
    switch (w0) {
      case "BEGIN":
        if (t.size() == 1 || (t.size() == 2 && t.is(1, "WORK"))) {
          return tx(Type.BEGIN, null);
        }
        return null; // BEGIN ... END blocks are not session statements
      case "START":
        if (t.is(1, "TRANSACTION")) {
          String mods = t.size() > 2 ? t.from(2).toUpperCase(Locale.ROOT) : null;
          return tx(Type.BEGIN, mods);
        }
        return null;
      case "COMMIT":
        if (t.size() > 1 && !(t.size() == 2 && t.is(1, "WORK"))) {
          throw RefusedException.syntax(
              "commit-chain", "COMMIT with AND CHAIN / RELEASE options is not supported.");
        }
        return tx(Type.COMMIT, null);
      case "ROLLBACK":
        {
          int i = t.is(1, "WORK") ? 2 : 1;
          if (t.size() == i) {
            return tx(Type.ROLLBACK, null);
          }
          if (t.is(i, "TO")) {
            int j = t.is(i + 1, "SAVEPOINT") ? i + 2 : i + 1;
            if (t.size() == j + 1) {
              return tx(Type.ROLLBACK_TO_SAVEPOINT, Identifiers.normalize(t.get(j)));
            }
          }
          throw RefusedException.syntax(
              "rollback-chain", "ROLLBACK with AND CHAIN / RELEASE options is not supported.");
        }
      case "SAVEPOINT":
        if (t.size() == 2) {
          return tx(Type.SAVEPOINT, Identifiers.normalize(t.get(1)));
        }
        return null;
      case "RELEASE":
        if (t.is(1, "SAVEPOINT") && t.size() == 3) {
          return tx(Type.RELEASE_SAVEPOINT, Identifiers.normalize(t.get(2)));
        }
        return null;
      case "USE":
        if (t.size() == 2) {
          return session(Type.USE, Handling.DRIVER_TRACKED, Identifiers.normalize(t.get(1)), null);
        }
        return null;
      case "SHOW":
        return session(Type.SHOW, Handling.AUTHORITATIVE_ONLY, t.from(1), null);
      case "DESCRIBE":
      case "DESC":
        return session(Type.DESCRIBE, Handling.AUTHORITATIVE_ONLY, t.from(1), null);
      case "EXPLAIN":
        return session(Type.EXPLAIN, Handling.AUTHORITATIVE_ONLY, t.from(1), null);
      case "LOCK":
        if (t.is(1, "TABLES") || t.is(1, "TABLE")) {
          return session(Type.LOCK_TABLES, Handling.MYSQL_ONLY, t.from(2), null);
        }
        return null;
      case "UNLOCK":
        if (t.is(1, "TABLES") || t.is(1, "TABLE")) {
          return session(Type.UNLOCK_TABLES, Handling.MYSQL_ONLY, null, null);
        }
        return null;
      case "OPTIMIZE":
      case "ANALYZE":
      case "CHECK":
      case "REPAIR":
      case "CHECKSUM":
        {
          // table maintenance: MySQL reports on its own tables (a result set), nothing to mirror
          int i = t.is(1, "LOCAL") || t.is(1, "NO_WRITE_TO_BINLOG") ? 2 : 1;
          if (t.is(i, "TABLE") || t.is(i, "TABLES")) {
            return session(
                Type.TABLE_MAINTENANCE, Handling.AUTHORITATIVE_ONLY, t.from(i + 1), null);
          }
          return null;
        }
      case "SET":
        return set(t);
      default:
        return null;
    }
  }

  private static Result tx(Type type, String argument) {
    return new Result(
        StatementKind.TRANSACTION,
        new SessionCommand(type, Handling.DRIVER_TRACKED, argument),
        null);
  }

  private static Result session(Type type, Handling handling, String argument, String pg) {
    return new Result(StatementKind.SESSION, new SessionCommand(type, handling, argument), pg);
  }

  /**
   * SET with one assignment, or a list of them. A list is run on MySQL only when every item is a
   * MySQL-only setting (mysqldump's {@code SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS,
   * UNIQUE_CHECKS=0}); a list with one {@code FOREIGN_KEY_CHECKS} item among MySQL-only ones
   * (mysqldump's {@code SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0})
   * runs on MySQL as written and that item's equivalent on PostgreSQL; a list with another item
   * PostgreSQL or the driver must also see (time_zone, autocommit) is refused, as splitting it is
   * the application's choice.
   */
  private static Result set(Tokens t) {
    List<Integer> commas = new ArrayList<>();
    int depth = 0;
    for (int k = 1; k < t.size(); k++) {
      String tok = t.get(k);
      if (tok.equals("(")) {
        depth++;
      } else if (tok.equals(")")) {
        depth--;
      } else if (tok.equals(",") && depth == 0) {
        commas.add(k);
      }
    }
    if (commas.isEmpty() || t.is(1, "TRANSACTION") || t.is(2, "TRANSACTION")) {
      return setOne(t);
    }
    List<String> names = new ArrayList<>();
    Result foreignKeyChecks = null;
    int from = 1;
    commas.add(t.size());
    for (int end : commas) {
      if (end == from) {
        throw RefusedException.syntax("set-list", "The SET list has an empty item.");
      }
      Tokens item = t.slice("SET", from, end);
      Result r = setOne(item);
      if (r == null) {
        throw RefusedException.syntax(
            "set-list", "The SET list item " + item.from(1) + " is not recognised.");
      }
      if (r.kind() == StatementKind.SESSION
          && r.command().type() == Type.SET_FOREIGN_KEY_CHECKS
          && foreignKeyChecks == null) {
        foreignKeyChecks = r;
        from = end + 1;
        continue;
      }
      if (r.kind() != StatementKind.SESSION || r.command().handling() != Handling.MYSQL_ONLY) {
        throw RefusedException.syntax(
            "set-list-mixed",
            "The SET list assigns "
                + item.from(1)
                + ", which must also reach PostgreSQL or the driver, together with other"
                + " settings; use a separate SET statement for it.");
      }
      String arg = r.command().argument();
      names.add(r.command().type() == Type.SET_USER_VARIABLE ? "@" + arg : arg);
      from = end + 1;
    }
    if (foreignKeyChecks != null) {
      return foreignKeyChecks;
    }
    return session(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, String.join(",", names), null);
  }

  /**
   * {@code SET FOREIGN_KEY_CHECKS}: MySQL then accepts rows whose parent does not exist (data
   * loads, tables that reference each other). PostgreSQL's equivalent is {@code
   * session_replication_role = replica}, under which its foreign-key triggers do not fire; it needs
   * a superuser or, from PostgreSQL 15, {@code GRANT SET ON PARAMETER session_replication_role}.
   * The value of an expression (a user variable) is known to MySQL only: no PostgreSQL SQL then.
   */
  private static Result foreignKeyChecks(String value) {
    String u = value.toUpperCase(Locale.ROOT);
    String flag =
        u.equals("1") || u.equals("ON") || u.equals("TRUE")
            ? "1"
            : u.equals("0") || u.equals("OFF") || u.equals("FALSE") ? "0" : null;
    return session(
        Type.SET_FOREIGN_KEY_CHECKS,
        Handling.BOTH,
        flag,
        flag == null ? null : SessionCommand.foreignKeyChecksOnPostgres(flag.equals("1")));
  }

  private static Result setOne(Tokens t) {
    int i = 1;
    String scope = "SESSION";
    boolean sessionNamed = false;
    if (t.is(i, "SESSION") || t.is(i, "LOCAL")) {
      sessionNamed = true;
      i++;
    } else if (t.is(i, "GLOBAL") || t.is(i, "PERSIST") || t.is(i, "PERSIST_ONLY")) {
      scope = "GLOBAL";
      i++;
    }
    if (t.is(i, "TRANSACTION")) {
      if (scope.equals("GLOBAL")) {
        return session(Type.SET_TRANSACTION, Handling.MYSQL_ONLY, t.from(i + 1), null);
      }
      // SESSION: every later transaction; no scope: the next transaction only
      return new Result(
          StatementKind.TRANSACTION,
          new SessionCommand(
              Type.SET_TRANSACTION,
              Handling.DRIVER_TRACKED,
              (sessionNamed ? "SESSION " : "NEXT ") + t.from(i + 1).toUpperCase(Locale.ROOT)),
          null);
    }
    if (t.is(i, "NAMES") || t.is(i, "CHARSET") || t.is(i, "CHARACTER", "SET")) {
      String cs = t.is(i, "CHARACTER") ? t.get(i + 2) : t.get(i + 1);
      String value = Tokens.stringValue(cs);
      return session(
          Type.SET_NAMES,
          Handling.MYSQL_ONLY,
          (value != null ? value : Identifiers.normalize(cs)).toLowerCase(Locale.ROOT),
          null);
    }
    // SET [@@session.|@@]name = value [, ...]
    String name = t.get(i);
    if (name.startsWith("@") && !name.startsWith("@@")) {
      if (t.size() > i + 3 && t.get(i + 3).equals(",")) {
        throw RefusedException.syntax(
            "set-list", "SET with several assignments is not supported; use one SET each.");
      }
      return session(Type.SET_USER_VARIABLE, Handling.MYSQL_ONLY, name.substring(1), null);
    }
    String var = name.toLowerCase(Locale.ROOT);
    if (var.startsWith("@@global.")) {
      scope = "GLOBAL";
    }
    var = var.replaceFirst("^@@(session\\.|local\\.|global\\.)?", "");
    if (!t.get(i + 1).equals("=") && !t.get(i + 1).equals(":")) {
      return null;
    }
    int v = t.get(i + 1).equals(":") ? i + 3 : i + 2;
    if (var.equals("sql_mode") && !scope.equals("GLOBAL")) {
      // any value, an expression too: it runs on MySQL, which the driver then asks for the mode
      return session(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, var, null);
    }
    if (t.size() > v + 1) {
      throw RefusedException.syntax(
          "set-list", "SET with several assignments or an expression value is not supported.");
    }
    String raw = t.get(v);
    String value = Tokens.stringValue(raw);
    if (value == null) {
      value = raw;
    }
    if (scope.equals("GLOBAL")) {
      return session(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, var, null);
    }
    switch (var) {
      case "autocommit":
        {
          String u = value.toUpperCase(Locale.ROOT);
          String flag =
              u.equals("1") || u.equals("ON") || u.equals("TRUE")
                  ? "1"
                  : u.equals("0") || u.equals("OFF") || u.equals("FALSE") ? "0" : null;
          if (flag == null) {
            throw RefusedException.syntax(
                "set-autocommit", "Unrecognised autocommit value " + raw + ".");
          }
          return new Result(
              StatementKind.TRANSACTION,
              new SessionCommand(Type.SET_AUTOCOMMIT, Handling.DRIVER_TRACKED, flag),
              null);
        }
      case "time_zone":
        return session(Type.SET_TIME_ZONE, Handling.BOTH, value, timeZone(value));
      case "foreign_key_checks":
        return foreignKeyChecks(value);
      default:
        return session(Type.SET_SESSION_VARIABLE, Handling.MYSQL_ONLY, var, null);
    }
  }

  /** MySQL time_zone values as a PostgreSQL SET TIME ZONE. */
  static String timeZone(String value) {
    if (value.equalsIgnoreCase("SYSTEM")) {
      throw RefusedException.syntax(
          "time-zone:SYSTEM",
          "time_zone = 'SYSTEM' follows each server's own clock zone, which may differ between the"
              + " databases.");
    }
    if (value.matches("[+-]\\d{1,2}:\\d{2}")) {
      // an ISO offset: PostgreSQL reads '+05:00' strings POSIX-style (west positive), so use an
      // interval, which keeps the ISO sign
      return "SET TIME ZONE INTERVAL '" + value + "' HOUR TO MINUTE";
    }
    if (!value.matches("[A-Za-z0-9_/+-]+")) {
      throw RefusedException.syntax("time-zone", "Unrecognised time zone " + value + ".");
    }
    return "SET TIME ZONE '" + value + "'";
  }
}
