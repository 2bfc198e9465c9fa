package io.chatapp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the connections benchmark holding up to a few thousand idle sockets: a process
 * may hold at most {@code ulimit -Hn} open files (20,000 on the benchmark machine), so the sockets
 * are spread over several. One thread does all the sockets' I/O; commands come one a line on stdin
 * and the only output is the answer to {@code status}, one line on stdout. It exits, closing every
 * socket, when stdin ends, so it never outlives the benchmark.
 *
 * <pre>
 * add HOST PORT SOURCE TOKEN   a socket to open later, from source address SOURCE
 * go N [SPREAD]                open the added sockets, at most N upgrades in progress at once;
 *                              with SPREAD (ms), each starts at a random time within it instead
 * status                       one line: counters, failures and close codes so far
 * </pre>
 */
final class ConnectionsWorker implements ConnectionsSocket.Events {

  /** Where every socket reads into: one thread reads them all, and nothing read is kept. */
  static final ByteBuffer READ_BUFFER = ByteBuffer.allocateDirect(256 * 1024);

  /** A socket with no first frame this long after its connect started counts as failed. */
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Selector selector;
  private final Queue<String> commands = new ConcurrentLinkedQueue<>();
  private final Queue<ConnectionsSocket> queued = new ArrayDeque<>();
  private final Set<ConnectionsSocket> unsettled = new HashSet<>();

  /**
   * Sockets to open at their time: upgrades refused with 503 (the server busy with others), tried
   * again, and a spread burst's.
   */
  private final PriorityQueue<Due> due = new PriorityQueue<>();

  private record Due(long at, ConnectionsSocket socket) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      return Long.compare(at, other.at);
    }
  }

  /**
   * A refused upgrade is tried again after the server's {@code Retry-After} of 1 s, spread over
   * 0.5-1.5 s as a client with jitter would.
   */
  private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final List<ConnectionsSocket> sockets = new ArrayList<>();
  private final Map<String, Integer> failures = new TreeMap<>();
  private final Map<Integer, Integer> closes = new TreeMap<>();
  private int maxUnsettled;
  private long accepted;
  private long notOnlineFirst;
  private long failed;
  private long retried;
  private long closed;
  private long frames;
  private long bytes;
  private boolean running = true;

  private ConnectionsWorker() throws IOException {
    selector = Selector.open();
  }

  /** The worker's life: reads commands until stdin ends. */
  static void run() throws IOException {
    ConnectionsWorker worker = new ConnectionsWorker();
    Thread stdin = new Thread(worker::readCommands, "commands");
    stdin.setDaemon(true);
    stdin.start();
    worker.loop();
  }

  private void readCommands() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
      for (String line; (line = in.readLine()) != null; ) {
        commands.add(line);
        if (line.startsWith("go") || line.startsWith("status")) {
          selector.wakeup();
        }
      }
    } catch (IOException e) {
      // the benchmark is gone: same as the end of stdin
    }
    commands.add("exit");
    selector.wakeup();
  }

  private void loop() throws IOException {
    long lastCheck = System.nanoTime();
    while (running) {
      selector.select(200);
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        if (key.isValid()) {
          ((ConnectionsSocket) key.attachment()).ready();
        }
      }
      for (String command; (command = commands.poll()) != null; ) {
        handle(command);
      }
      long now = System.nanoTime();
      while (!due.isEmpty() && due.peek().at() <= now) {
        ConnectionsSocket socket = due.poll().socket();
        if (socket.connect(selector, now)) {
          unsettled.add(socket);
        }
      }
      while (unsettled.size() < maxUnsettled && !queued.isEmpty()) {
        ConnectionsSocket socket = queued.poll();
        if (socket.connect(selector, now)) {
          unsettled.add(socket);
        }
      }
      if (now - lastCheck > TimeUnit.MILLISECONDS.toNanos(500)) {
        lastCheck = now;
        new ArrayList<>(unsettled)
            .stream()
                .filter(socket -> now - socket.startedAt() > SETTLE_NANOS)
                .forEach(ConnectionsSocket::timeOut);
      }
    }
    sockets.forEach(ConnectionsSocket::close);
    selector.close();
  }

  private void handle(String command) {
    String[] words = command.split(" ");
    switch (words[0]) {
      case "add" -> {
        ConnectionsSocket socket =
            new ConnectionsSocket(
                new InetSocketAddress(words[1], Integer.parseInt(words[2])),
                new InetSocketAddress(words[3], 0),
                words[4],
                this);
        sockets.add(socket);
        queued.add(socket);
      }
      case "go" -> {
        maxUnsettled = Integer.parseInt(words[1]);
        long spread =
            words.length > 2 ? TimeUnit.MILLISECONDS.toNanos(Long.parseLong(words[2])) : 0;
        if (spread > 0) {
          // like clients that lost their sockets together and come back after a random pause
          long now = System.nanoTime();
          for (ConnectionsSocket socket; (socket = queued.poll()) != null; ) {
            due.add(new Due(now + ThreadLocalRandom.current().nextLong(spread), socket));
          }
        }
      }
      case "status" -> {
        System.out.println(status());
        System.out.flush();
      }
      case "exit" -> running = false;
      default -> System.err.println("worker: unknown command " + words[0]);
    }
  }

  /** {@code status k=v ...}; failures and closes as {@code why:n,...} (why without spaces). */
  private String status() {
    return String.format(
        "status added=%d queued=%d unsettled=%d accepted=%d notOnlineFirst=%d failed=%d"
            + " retried=%d closed=%d frames=%d bytes=%d failures=%s closes=%s",
        sockets.size() - retried,
        queued.size(),
        unsettled.size(),
        accepted,
        notOnlineFirst,
        failed,
        retried,
        closed,
        frames,
        bytes,
        list(failures),
        list(closes));
  }

  private static String list(Map<?, Integer> counts) {
    StringBuilder list = new StringBuilder();
    counts.forEach(
        (what, count) ->
            list.append(list.length() == 0 ? "" : ",")
                .append(what.toString().replaceAll("[\\s,:=]+", "_"))
                .append(':')
                .append(count));
    return list.length() == 0 ? "-" : list.toString();
  }

  @Override
  public void accepted(ConnectionsSocket socket, boolean onlineUsersFirst) {
    unsettled.remove(socket);
    accepted++;
    if (!onlineUsersFirst) {
      notOnlineFirst++;
    }
  }

  @Override
  public void failed(ConnectionsSocket socket, String why) {
    unsettled.remove(socket);
    if (why.startsWith("http 503")) {
      retried++;
      long jitter = ThreadLocalRandom.current().nextLong(RETRY_NANOS);
      ConnectionsSocket again = socket.again();
      sockets.add(again);
      due.add(new Due(System.nanoTime() + RETRY_NANOS / 2 + jitter, again));
      return;
    }
    failed++;
    failures.merge(why.length() > 80 ? why.substring(0, 80) : why, 1, Integer::sum);
  }

  @Override
  public void closed(ConnectionsSocket socket, int code) {
    closed++;
    closes.merge(code, 1, Integer::sum);
  }

  @Override
  public void frame(long size) {
    frames++;
    bytes += size;
  }
}
