package io.chatapp.mail.sending;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on loopback at a fixed port, so that it can be stopped and started
 * again where the mail service was told to send: an SMTP server that is away for a while.
 */
final class TestSmtp implements AutoCloseable {

  final int port;
  private volatile GreenMail server;

  TestSmtp(int port) {
    this.port = port;
    start();
  }

  /** On a port the system gives. */
  static TestSmtp onFreePort() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new TestSmtp(port);
  }

  /** On the first free port from {@code first} to {@code last}. */
  static TestSmtp inRange(int first, int last) {
    for (int port = first; port <= last; port++) {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        probe.setReuseAddress(true);
      } catch (IOException taken) {
        continue;
      }
      return new TestSmtp(port);
    }
    throw new IllegalStateException("No free port from " + first + " to " + last);
  }

  /** Starts the server, again after {@link #stop()}. */
  void start() {
    for (int attempt = 1; ; attempt++) {
      GreenMail starting =
          new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      try {
        starting.start();
        server = starting;
        return;
      } catch (RuntimeException e) { // the port may still be held for a moment after a stop
        starting.stop();
        if (attempt == 20) {
          throw e;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  void stop() {
    server.stop();
  }

  /** Mail received, optionally only to one address. */
  List<MimeMessage> received(String to) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(message -> to == null || recipient(message).equalsIgnoreCase(to))
        .toList();
  }

  static String recipient(MimeMessage message) {
    try {
      var to = message.getRecipients(Message.RecipientType.TO);
      return to == null || to.length == 0 ? "" : to[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
