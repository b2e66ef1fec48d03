package io.dualwrite.driver.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes secrets from text that may reach a message, a log line or {@code toString()}. The one
 * implementation of what a secret in a URL looks like: the driver and {@code dualwrite-admin} both
 * mask URLs with {@link #url} and learn the secrets a URL carries with {@link #secrets}.
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = "***";

  /** How many levels of URL encoding are looked through (a URL inside a URL inside a URL...). */
  private static final int MAX_DECODE_DEPTH = 5;

  private Redaction() {}

  /**
   * A JDBC URL with every secret replaced by {@code ***}: the values of password-like parameters
   * ({@code password}, {@code dualwrite.postgres.password}, {@code sslpassword}, ...; also when the
   * name is percent-encoded, as {@code passwor%64}, which Connector/J decodes), {@code user:pass@}
   * credentials, Connector/J's host-specific {@code (host=h,password=p)} and {@code
   * address=(host=h)(password=p)} forms, and the same inside a URL-encoded URL carried as a
   * parameter value (e.g. {@code dualwrite.postgres.url=jdbc%3Apostgresql%3A...%3Fpassword%3D...}),
   * at any depth of encoding.
   */
  public static String url(String url) {
    return url(url, 0, null);
  }

  /**
   * The secret values {@code url} carries, in every place {@link #url} masks them, each as written
   * and percent-decoded (one inside a URL-encoded URL also in its encoded forms): so that text
   * which is not a URL (a vendor driver's message) can have them replaced too. Empty for null.
   */
  public static List<String> secrets(String url) {
    Set<String> found = new LinkedHashSet<>();
    url(url, 0, found);
    found.remove("");
    return List.copyOf(found);
  }

  /** Masks {@code url}; with {@code found} non-null, adds every secret value masked to it. */
  private static String url(String url, int depth, Set<String> found) {
    if (url == null) {
      return null;
    }
    String out = userInfo(url, found);
    int query = out.indexOf('?');
    String head = hostPairs(query < 0 ? out : out.substring(0, query), found);
    if (query < 0) {
      return head;
    }
    StringBuilder b = new StringBuilder(head).append('?');
    String[] pairs = out.substring(query + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      if (i > 0) {
        b.append('&');
      }
      if (eq < 0) {
        b.append(pair);
        continue;
      }
      String name = pair.substring(0, eq);
      if (isSecretName(fullyDecoded(name))) {
        b.append(name).append('=').append(MASK);
        found(found, pair.substring(eq + 1));
      } else {
        b.append(name).append('=').append(value(pair.substring(eq + 1), depth, found));
      }
    }
    return b.toString();
  }

  /** A parameter value that is not a secret by name: a URL it carries is redacted too. */
  private static String value(String raw, int depth, Set<String> found) {
    if (depth >= MAX_DECODE_DEPTH) {
      return raw;
    }
    String plain = fullyDecoded(raw);
    if (plain.equals(raw) && raw.indexOf('?') < 0 && raw.indexOf("://") < 0) {
      return raw;
    }
    Set<String> nested = found == null ? null : new LinkedHashSet<>();
    String redacted = url(plain, depth + 1, nested);
    if (nested != null) {
      int levels = encodingLevels(raw);
      for (String secret : nested) {
        found.add(secret);
        String encoded = secret;
        for (int i = 0; i < levels; i++) {
          encoded = URLEncoder.encode(encoded, StandardCharsets.UTF_8);
          found.add(encoded);
        }
      }
    }
    if (redacted.equals(plain) && !hasSecretPair(plain)) {
      return raw;
    }
    if (plain.equals(raw)) {
      return redacted;
    }
    return URLEncoder.encode(redacted, StandardCharsets.UTF_8).replace("%2A%2A%2A", MASK);
  }

  /** Whether {@code text} holds a {@code name=value} pair with a secret name anywhere. */
  private static boolean hasSecretPair(String text) {
    int eq = text.indexOf('=');
    while (eq > 0) {
      int start = eq;
      while (start > 0 && !isDelimiter(text.charAt(start - 1))) {
        start--;
      }
      if (isSecretName(fullyDecoded(text.substring(start, eq)))) {
        return true;
      }
      eq = text.indexOf('=', eq + 1);
    }
    return false;
  }

  /** {@code scheme://user:pass@host} becomes {@code scheme://***@host}. */
  private static String userInfo(String url, Set<String> found) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int hostStart = scheme + 3;
    int hostEnd = indexOfAny(url, hostStart, '/', '?');
    int at = url.lastIndexOf('@', hostEnd < 0 ? url.length() - 1 : hostEnd - 1);
    if (at >= hostStart) {
      int colon = url.indexOf(':', hostStart);
      if (colon >= 0 && colon < at) {
        found(found, url.substring(colon + 1, at));
      }
      return url.substring(0, hostStart) + MASK + "@" + url.substring(at + 1);
    }
    return url;
  }

  /** Adds a secret value, as written and decoded, to {@code found} (when collecting). */
  private static void found(Set<String> found, String raw) {
    if (found != null) {
      found.add(raw);
      found.add(fullyDecoded(raw));
    }
  }

  /** Connector/J's {@code (host=h,password=p)} / {@code address=(host=h)(password=p)}. */
  private static String hostPairs(String head, Set<String> found) {
    int authority = head.indexOf("://");
    if (authority < 0 || head.indexOf('=', authority) < 0) {
      return head;
    }
    StringBuilder b = new StringBuilder(head.length());
    int i = 0;
    int n = head.length();
    while (i < n) {
      int eq = head.indexOf('=', i);
      if (eq < 0) {
        b.append(head, i, n);
        break;
      }
      int nameStart = eq;
      while (nameStart > i && !isDelimiter(head.charAt(nameStart - 1))) {
        nameStart--;
      }
      b.append(head, i, eq + 1);
      i = eq + 1;
      if (isSecretName(fullyDecoded(head.substring(nameStart, eq)))) {
        int valueStart = i;
        while (i < n && head.charAt(i) != ',' && head.charAt(i) != ')') {
          i++;
        }
        found(found, head.substring(valueStart, i));
        b.append(MASK);
      }
    }
    return b.toString();
  }

  private static boolean isDelimiter(char c) {
    return c == '(' || c == ')' || c == ',' || c == '&' || c == '?' || c == '/' || c == ';'
        || c == ' ';
  }

  /** Percent-decoded until it no longer changes (at most a few levels). */
  private static String fullyDecoded(String s) {
    String current = s;
    for (int i = 0; i < MAX_DECODE_DEPTH && current.indexOf('%') >= 0; i++) {
      String next;
      try {
        next = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return current;
      }
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  /** How many times {@code raw} is percent-encoded (as {@link #fullyDecoded} undoes it). */
  private static int encodingLevels(String raw) {
    int levels = 0;
    String current = raw;
    while (levels < MAX_DECODE_DEPTH && current.indexOf('%') >= 0) {
      String next;
      try {
        next = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        break;
      }
      if (next.equals(current)) {
        break;
      }
      current = next;
      levels++;
    }
    return levels;
  }

  /** Whether a property or parameter with this name holds a secret. */
  public static boolean isSecretName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.contains("password")
        || n.contains("passwd")
        || n.contains("secret")
        || n.endsWith("pwd")
        || n.endsWith("token");
  }

  /** Strips CR and LF so user-controlled text cannot forge log lines. */
  public static String oneLine(String text) {
    return text == null ? null : text.replace('\r', ' ').replace('\n', ' ');
  }

  private static int indexOfAny(String s, int from, char a, char b) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == a || c == b) {
        return i;
      }
    }
    return -1;
  }
}
