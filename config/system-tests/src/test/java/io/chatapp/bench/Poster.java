package io.chatapp.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts {@code POST /api/v1/message} and returns at once; the answer lands in the ledger when it
 * comes. A lean HTTP/1.1 client of its own: keep-alive connections, one request at a time on each
 * (no pipelining, as browsers do), a new connection whenever every open one to that instance is
 * busy, so a slow answer never holds up the next send. One thread reads every answer through a
 * selector; the caller writes its request itself. Only the status counts; a non-201's body is kept
 * to say why.
 *
 * <p>Why not {@link java.net.http.HttpClient}: a profile of this benchmark at 500 msg/s put about
 * two thirds of the load generator's CPU (1.1 ms a message, a third of the machine) in that
 * client's futures and schedulers, CPU the stack under test then lacked.
 */
final class Poster {

  /** How long a POST may take before it counts as a timeout: the whole wait after a round. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Room for an answer at first (a 201 with its message, a refusal), and at most. */
  private static final int ANSWER_BYTES = 4 * 1024;

  private static final int MAX_ANSWER_BYTES = 256 * 1024;

  /** A keep-alive connection idle longer than this is closed rather than used. */
  static final Duration MAX_IDLE = Duration.ofSeconds(20);

  private final Selector selector;
  private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
  private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  /** Whether each send carries a fresh {@code clientId}, as the web page's do. */
  private final boolean clientIds;

  Poster() {
    this(false);
  }

  Poster(boolean clientIds) {
    this.clientIds = clientIds;
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a selector", e);
    }
    Thread reader = new Thread(this::readAnswers, "poster-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** A client id made as the web page makes one: the time in base 36, then random digits. */
  private static String clientId() {
    return "c"
        + Long.toString(System.currentTimeMillis(), 36)
        + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  /** Sends the text as the route's sender, to the sender's instance; message {@code seq}. */
  void post(Route route, String text, Ledger ledger, int seq) {
    URI uri = route.messageUri();
    String body =
        "{\"chatId\":\""
            + route.chatId()
            + "\",\"text\":\""
            + text
            + (clientIds ? "\",\"clientId\":\"" + clientId() : "")
            + "\"}";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + uri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nContent-Type: application/json\r\nAuthorization: Bearer "
            + route.sender().token()
            + "\r\nContent-Length: "
            + bodyBytes.length
            + "\r\n\r\n";
    ByteBuffer request = ByteBuffer.allocate(head.length() + bodyBytes.length);
    request.put(head.getBytes(StandardCharsets.ISO_8859_1)).put(bodyBytes).flip();
    long now = System.nanoTime();
    ledger.started(seq, route.slot(), now);
    Connection connection = null;
    try {
      connection = connection(uri);
      connection.send(new Pending(ledger, seq, now), request);
    } catch (IOException | RuntimeException e) {
      if (connection != null) {
        connection.close();
      }
      ledger.failed(seq, Ledger.CLIENT_ERROR, e.toString());
    }
  }

  /** An idle connection to the instance, or a new one. */
  private Connection connection(URI uri) throws IOException {
    String key = uri.getHost() + ":" + uri.getPort();
    ConcurrentLinkedDeque<Connection> free =
        idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    Connection connection;
    while ((connection = free.pollFirst()) != null) {
      if (connection.channel.isOpen() && !connection.idleTooLong()) {
        return connection;
      }
      connection.close();
    }
    SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    connection = new Connection(channel, free);
    open.add(connection);
    opened.add(connection);
    selector.wakeup();
    return connection;
  }

  /** The request a connection waits to be answered. */
  private record Pending(Ledger ledger, int seq, long startedAt) {}

  /** The reader thread: registers new connections, reads answers, times out silent ones. */
  private void readAnswers() {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (true) {
      try {
        selector.select(200);
        Connection fresh;
        while ((fresh = opened.poll()) != null) {
          if (fresh.channel.isOpen()) {
            fresh.channel.register(selector, SelectionKey.OP_READ, fresh);
          }
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid() && key.isReadable()) {
            ((Connection) key.attachment()).read(buffer);
          }
        }
        long now = System.nanoTime();
        for (Connection connection : open) {
          connection.timeOutIfSilentSince(now - TIMEOUT.toNanos());
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("poster: " + e);
      }
    }
  }

  /** One keep-alive connection: at most one request in flight; its answer parsed as it comes. */
  private final class Connection {

    final SocketChannel channel;
    private final ConcurrentLinkedDeque<Connection> free;
    private volatile Pending pending;
    private volatile long idleSince;

    /**
     * The answer so far: room for a usual one, grown for a larger. Not 256 KB from the start: the
     * pool holds as many connections as sends ever waited at once (400 and more in a slow second),
     * and their buffers, surviving young collections, were 100 MB copied in each: pauses of up to
     * 700 ms in the generator, which every message in flight then carried as latency.
     */
    private ByteBuffer answer = ByteBuffer.allocate(ANSWER_BYTES);

    Connection(SocketChannel channel, ConcurrentLinkedDeque<Connection> free) {
      this.channel = channel;
      this.free = free;
    }

    void send(Pending request, ByteBuffer bytes) throws IOException {
      pending = request;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (bytes.hasRemaining()) {
        if (channel.write(bytes) == 0) {
          if (System.nanoTime() > deadline) {
            throw new IOException("could not write the request for " + TIMEOUT);
          }
          Thread.onSpinWait();
        }
      }
    }

    /** Reader thread only. */
    void read(ByteBuffer buffer) {
      try {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
          fail("the server closed the connection");
          return;
        }
        buffer.flip();
        if (buffer.remaining() > answer.remaining()) {
          int needed = answer.position() + buffer.remaining();
          if (needed > MAX_ANSWER_BYTES) {
            fail("an answer larger than " + MAX_ANSWER_BYTES + " bytes");
            return;
          }
          answer =
              ByteBuffer.allocate(
                      Math.min(MAX_ANSWER_BYTES, Math.max(needed, 2 * answer.capacity())))
                  .put(answer.flip());
        }
        answer.put(buffer);
        Answer parsed = Answer.parse(answer);
        if (parsed == null) {
          return;
        }
        answer.clear();
        Pending done = pending;
        pending = null;
        if (done != null) {
          done.ledger().answered(done.seq(), parsed.status(), System.nanoTime(), parsed.body());
        }
        if (parsed.close()) {
          close();
        } else {
          idleSince = System.nanoTime();
          free.addFirst(this);
        }
      } catch (IOException | RuntimeException e) {
        fail(e.toString());
      }
    }

    /**
     * Whether it waited unused long enough that the server may be closing it right now (Payara
     * closes a keep-alive connection after 30 s idle): a request sent then is lost to the race, as
     * "the server closed the connection". HTTP clients retire such connections; so does this one.
     */
    boolean idleTooLong() {
      return System.nanoTime() - idleSince > MAX_IDLE.toNanos();
    }

    void timeOutIfSilentSince(long since) {
      Pending waiting = pending;
      if (waiting != null && waiting.startedAt() < since) {
        pending = null;
        waiting.ledger().failed(waiting.seq(), Ledger.TIMEOUT, "no answer within " + TIMEOUT);
        close();
      }
    }

    private void fail(String why) {
      Pending waiting = pending;
      pending = null;
      if (waiting != null) {
        waiting.ledger().failed(waiting.seq(), Ledger.CLIENT_ERROR, why);
      }
      close();
    }

    void close() {
      open.remove(this);
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** A whole HTTP/1.1 answer: its status, its body unless a 201, whether the server closes. */
  record Answer(int status, String body, boolean close) {

    /**
     * The answer in the buffer (written up to its position), or null while it is incomplete.
     * Handles {@code Content-Length} and chunked bodies.
     */
    static Answer parse(ByteBuffer buffer) {
      byte[] bytes = buffer.array();
      int end = buffer.position();
      int headEnd = indexOf(bytes, 0, end, "\r\n\r\n");
      if (headEnd < 0) {
        return null;
      }
      String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
      int length = 0;
      boolean chunked = false;
      boolean close = false;
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i].toLowerCase(Locale.ROOT);
        if (line.startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
          chunked = true;
        } else if (line.startsWith("connection:") && line.contains("close")) {
          close = true;
        }
      }
      int bodyStart = headEnd + 4;
      String body;
      if (chunked) {
        StringBuilder text = new StringBuilder();
        int at = bodyStart;
        while (true) {
          int sizeEnd = indexOf(bytes, at, end, "\r\n");
          if (sizeEnd < 0) {
            return null;
          }
          String size = new String(bytes, at, sizeEnd - at, StandardCharsets.ISO_8859_1);
          int chunk = Integer.parseInt(size.split(";")[0].trim(), 16);
          int chunkStart = sizeEnd + 2;
          if (chunk == 0) {
            if (indexOf(bytes, chunkStart, end, "\r\n") < 0) {
              return null;
            }
            break;
          }
          if (chunkStart + chunk + 2 > end) {
            return null;
          }
          text.append(new String(bytes, chunkStart, chunk, StandardCharsets.UTF_8));
          at = chunkStart + chunk + 2;
        }
        body = text.toString();
      } else {
        if (bodyStart + length > end) {
          return null;
        }
        body = new String(bytes, bodyStart, length, StandardCharsets.UTF_8);
      }
      return new Answer(status, status == 201 ? null : body, close);
    }

    private static int indexOf(byte[] bytes, int from, int to, String ascii) {
      outer:
      for (int i = from; i <= to - ascii.length(); i++) {
        for (int j = 0; j < ascii.length(); j++) {
          if (bytes[i + j] != ascii.charAt(j)) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
