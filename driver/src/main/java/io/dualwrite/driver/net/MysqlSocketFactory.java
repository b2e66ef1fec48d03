package io.dualwrite.driver.net;

import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.StandardSocketFactory;
import java.net.Socket;

/**
 * Connector/J's {@code socketFactory} for a side's connection: its socket is a {@link
 * DeadlineSocket} with the {@link ExchangeDeadline} of the connection opening on this thread
 * (Connector/J connects on the caller's thread); a socket opened on another thread (a reconnect) is
 * a plain one. Everything else, TLS included, is Connector/J's standard factory.
 */
public final class MysqlSocketFactory extends StandardSocketFactory {
  @Override
  protected Socket createSocket(PropertySet props) {
    ExchangeDeadline opening = ExchangeDeadline.openingOnThisThread();
    return new DeadlineSocket(opening != null ? opening : new ExchangeDeadline(false));
  }
}
