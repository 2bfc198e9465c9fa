package io.chatapp.platform.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder that can be cut and restored, for the fault drills: it plays "the server
 * is gone" for the one client pointed at it, while the real server (RabbitMQ, Redis) keeps serving
 * the other processes on this machine.
 *
 * <p>Once up it keeps listening on its port, and while down it closes every connection as soon as
 * it is made: listening again on the same port after a cut was refused now and then ("Address
 * already in use", twice in a row in CI for {@code PipelinedConsumerIT}), and a drill must not
 * depend on the port coming back.
 */
public final class TcpProxy implements AutoCloseable {

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private ServerSocket server;
  private volatile boolean forwarding;

  /**
   * A proxy to {@code targetHost:targetPort} on a free loopback port; it forwards once {@link #up}.
   */
  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.port = freePort();
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** A loopback port free now (for a server a test starts itself). */
  public static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    }
  }

  /** The loopback port clients connect to. */
  public int port() {
    return port;
  }

  /** Forwards the connections made from now on. */
  public synchronized void up() throws IOException {
    if (server == null) {
      ServerSocket listening = new ServerSocket();
      listening.setReuseAddress(true);
      listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = listening;
      daemon(() -> accept(listening), "proxy-" + port);
    }
    forwarding = true;
  }

  /**
   * Cuts the open connections and closes every new one at once, as a server that went away would
   * (the client sees its connection end, then each new one end before it could say anything).
   */
  public synchronized void down() throws IOException {
    forwarding = false;
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /** Cuts everything and stops listening. */
  @Override
  public synchronized void close() throws IOException {
    down();
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        if (!forwarding) {
          client.close();
          continue;
        }
        Socket target = new Socket(targetHost, targetPort);
        if (!forward(client, target)) {
          client.close(); // cut while it was being connected: it must not outlive the cut
          target.close();
        }
      } catch (IOException e) {
        // closed by close(), or the target refused: the client sees its connection end
      }
    }
  }

  /** Starts forwarding unless {@link #down} cut meanwhile. */
  private synchronized boolean forward(Socket client, Socket target) {
    if (!forwarding) {
      return false;
    }
    sockets.add(client);
    sockets.add(target);
    daemon(() -> pipe(client, target), "pipe-" + port);
    daemon(() -> pipe(target, client), "pipe-" + port);
    return true;
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side went away
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
