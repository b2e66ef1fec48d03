package io.dualwrite.driver.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory} for a side's connection: its sockets are {@link DeadlineSocket}s
 * sharing the {@link ExchangeDeadline} registered in the connection's properties (none registered:
 * never enforced, a plain socket). pgjdbc instantiates it by class name with the connection's
 * properties, once per connection.
 */
public final class PostgresSocketFactory extends SocketFactory {
  private final ExchangeDeadline deadline;

  public PostgresSocketFactory(Properties info) {
    ExchangeDeadline registered = ExchangeDeadline.registeredIn(info);
    this.deadline = registered != null ? registered : new ExchangeDeadline(false);
  }

  @Override
  public Socket createSocket() {
    return new DeadlineSocket(deadline);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress to, InetSocketAddress from) throws IOException {
    Socket s = new DeadlineSocket(deadline);
    try {
      if (from != null) {
        s.bind(from);
      }
      s.connect(to);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }
}
