package io.dualwrite.driver.config;

import java.util.Locale;

/** Removes secrets from text that may reach a message, a log line or {@code toString()}. */
public final class Redaction {
  private Redaction() {}

  /**
   * A JDBC URL with the values of password-like query parameters ({@code password}, {@code
   * dualwrite.postgres.password}, {@code sslpassword}, ...) and any {@code user:pass@} credentials
   * replaced by {@code ***}.
   */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String out = url;
    int scheme = out.indexOf("://");
    if (scheme >= 0) {
      int hostStart = scheme + 3;
      int hostEnd = indexOfAny(out, hostStart, '/', '?');
      int at = out.lastIndexOf('@', hostEnd < 0 ? out.length() - 1 : hostEnd - 1);
      if (at >= hostStart) {
        out = out.substring(0, hostStart) + "***@" + out.substring(at + 1);
      }
    }
    int query = out.indexOf('?');
    if (query < 0) {
      return out;
    }
    StringBuilder b = new StringBuilder(out.substring(0, query + 1));
    String[] pairs = out.substring(query + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (i > 0) {
        b.append('&');
      }
      if (eq >= 0 && isSecretName(name)) {
        b.append(name).append("=***");
      } else {
        b.append(pair);
      }
    }
    return b.toString();
  }

  /** Whether a property or parameter with this name holds a secret. */
  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("secret") || n.endsWith("token");
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
