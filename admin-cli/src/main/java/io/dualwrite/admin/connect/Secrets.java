package io.dualwrite.admin.connect;

import io.dualwrite.driver.config.Redaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The passwords this run knows about, and the redaction of them from anything the tool prints.
 *
 * <p>Two layers: every message the tool prints passes through {@link #redact(String)}, which
 * replaces each known password with {@code ***} wherever it appears (driver messages have been
 * known to echo URLs); and URLs are shown only through {@link #redactUrl(String)}, the driver's
 * {@link Redaction#url}. The secrets a URL carries are learnt with the same parse ({@link
 * Redaction#secrets}).
 */
public final class Secrets {
  static final String MASK = Redaction.MASK;

  private final Set<String> secrets = new LinkedHashSet<>();

  /** Remembers {@code secret} (ignored when null or empty) so later output never shows it. */
  public synchronized void add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /** Also remembers the secrets inside a JDBC URL (wherever {@link #redactUrl} masks them). */
  public void addFromUrl(String url) {
    if (url == null) {
      return;
    }
    for (String secret : Redaction.secrets(url)) {
      add(secret);
    }
  }

  /** {@code text} with every known password replaced by {@code ***}; null stays null. */
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
   * {@code url} safe to print: the driver's {@link Redaction#url}, so the tool masks exactly what
   * the driver does (password-like parameters, also percent-encoded names such as {@code
   * passwor%64}, {@code user:pass@}, Connector/J's {@code (host=h,password=p)} forms, and
   * URL-encoded URLs carried as parameter values).
   */
  public static String redactUrl(String url) {
    return Redaction.url(url);
  }

  @Override
  public String toString() {
    return "Secrets[" + secrets.size() + " known]";
  }
}
