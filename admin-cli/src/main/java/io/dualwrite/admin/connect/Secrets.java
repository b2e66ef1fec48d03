package io.dualwrite.admin.connect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords this run knows about, and the redaction of them from anything the tool prints.
 *
 * <p>Two layers: every message the tool prints passes through {@link #redact(String)}, which
 * replaces each known password with {@code ****} wherever it appears (driver messages have been
 * known to echo URLs); and URLs are shown only through {@link #redactUrl(String)}, which hides
 * {@code user:password@} user info and every query parameter whose name contains "password".
 */
public final class Secrets {
  static final String MASK = "****";

  private final Set<String> secrets = new LinkedHashSet<>();

  /** Remembers {@code secret} (ignored when null or empty) so later output never shows it. */
  public synchronized void add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /** Also remembers the password parameters inside a JDBC URL. */
  public void addFromUrl(String url) {
    if (url == null) {
      return;
    }
    for (String secret : urlSecrets(url)) {
      add(secret);
    }
  }

  /** {@code text} with every known password replaced by {@code ****}; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    List<String> known;
    synchronized (this) {
      known = new ArrayList<>(secrets);
    }
    // Longest first, so a password that contains another one is masked as a whole.
    known.sort(Comparator.comparingInt(String::length).reversed());
    String result = text;
    for (String secret : known) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /**
   * {@code url} safe to print: user info after {@code //} loses its password part, and every query
   * parameter whose name contains "password" (any case, e.g. {@code password}, {@code
   * dualwrite.postgres.password}) shows {@code ****} as its value.
   */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(url.length());
    int from = 0;
    for (int[] span : passwordSpans(url)) {
      out.append(url, from, span[0]).append(MASK);
      from = span[1];
    }
    return out.append(url, from, url.length()).toString();
  }

  private static List<String> urlSecrets(String url) {
    List<String> found = new ArrayList<>();
    for (int[] span : passwordSpans(url)) {
      String raw = url.substring(span[0], span[1]);
      found.add(raw);
      String decoded = ConnectionSettings.urlDecode(raw);
      if (!decoded.equals(raw)) {
        found.add(decoded);
      }
    }
    return found;
  }

  /** Start/end offsets of the password values in {@code url}, in order. */
  private static List<int[]> passwordSpans(String url) {
    List<int[]> spans = new ArrayList<>();
    int query = url.indexOf('?');
    int authority = url.indexOf("//");
    if (authority >= 0 && (query < 0 || authority < query)) {
      int end = query < 0 ? url.length() : query;
      int slash = url.indexOf('/', authority + 2);
      if (slash >= 0 && slash < end) {
        end = slash;
      }
      int at = url.lastIndexOf('@', end - 1);
      if (at > authority) {
        int colon = url.indexOf(':', authority + 2);
        if (colon >= 0 && colon < at) {
          spans.add(new int[] {colon + 1, at});
        }
      }
    }
    if (query >= 0) {
      int paramStart = query + 1;
      while (paramStart <= url.length()) {
        int amp = url.indexOf('&', paramStart);
        int paramEnd = amp < 0 ? url.length() : amp;
        int eq = url.indexOf('=', paramStart);
        if (eq >= 0 && eq < paramEnd && isPasswordName(url.substring(paramStart, eq))) {
          spans.add(new int[] {eq + 1, paramEnd});
        }
        if (amp < 0) {
          break;
        }
        paramStart = amp + 1;
      }
    }
    return spans;
  }

  private static boolean isPasswordName(String name) {
    return name.toLowerCase(Locale.ROOT).contains("password");
  }

  @Override
  public String toString() {
    return "Secrets[" + secrets.size() + " known]";
  }
}
