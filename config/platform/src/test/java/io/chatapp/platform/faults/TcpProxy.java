package io.chatapp.platform.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback TCP forwarder that can be cut and restored, for the fault drills: it plays "the server
 * is gone" for the one client pointed at it, while the real server (RabbitMQ, Redis) keeps serving
 * the other processes on this machine.
 */
public final class TcpProxy implements AutoCloseable {

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  /**
   * A proxy to {@code targetHost:targetPort} on a free loopback port; it forwards once {@link #up}.
   */
  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.port = portBelowTheEphemeralRange();
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /**
   * A free loopback port below the range the kernel hands out to outgoing connections, since the
   * proxy keeps its port across {@link #down} and {@link #up}: a port from that range can be given
   * to some connection while the proxy is down (even to the client that reconnects to it, which
   * then connects to itself), and the proxy cannot listen on it again ("Address already in use",
   * seen once in CI).
   */
  private static int portBelowTheEphemeralRange() throws IOException {
    int ephemeralFrom = 32768; // Linux's default
    try {
      int read =
          Integer.parseInt(
              Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                  .get(0)
                  .strip()
                  .split("\\s+")[0]);
      if (read > 12_000) {
        ephemeralFrom = read;
      }
    } catch (IOException | RuntimeException notLinux) {
      // keep the default
    }
    int from = Math.max(10_000, ephemeralFrom - 12_000);
    for (int tries = 0; tries < 500; tries++) {
      int candidate = ThreadLocalRandom.current().nextInt(from, ephemeralFrom);
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
        return candidate;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("No free loopback port between " + from + " and " + ephemeralFrom);
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

  /** Accepts and forwards connections. */
  public synchronized void up() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket listening = new ServerSocket();
    listening.setReuseAddress(true);
    listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = listening;
    daemon(() -> accept(listening), "proxy-" + port);
  }

  /** Refuses new connections and cuts the open ones, as a server that went away would. */
  public synchronized void down() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  @Override
  public void close() throws IOException {
    down();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket target = new Socket(targetHost, targetPort);
        if (!forward(listening, client, target)) {
          client.close(); // cut while it was being connected: it must not outlive the cut
          target.close();
        }
      } catch (IOException e) {
        // closed by down(), or the target refused: the client sees its connection end
      }
    }
  }

  /** Starts forwarding unless {@link #down} closed {@code listening} meanwhile. */
  private synchronized boolean forward(ServerSocket listening, Socket client, Socket target) {
    if (server != listening) {
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
