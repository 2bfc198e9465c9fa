package io.chatapp.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One idle client socket of the connections benchmark, as small as a WebSocket client can be: a
 * non-blocking channel bound to a chosen loopback source address (Java's own WebSocket client
 * cannot bind one, and at 20,000 sockets one source address would come close to running out of
 * ports), the upgrade with a Bearer token, then frames read and thrown away unparsed, pings
 * answered and a close returned. It remembers only the first bytes of the first text frame, which
 * says the server registered the socket ({@code getOnlineUsers}). Driven by one {@link
 * ConnectionsWorker} thread, never shared.
 */
final class ConnectionsSocket {

  /** What became of a socket; a socket reports each change to its worker once. */
  interface Events {
    void accepted(ConnectionsSocket socket, boolean onlineUsersFirst);

    void failed(ConnectionsSocket socket, String why);

    void closed(ConnectionsSocket socket, int code);

    void frame(long bytes);
  }

  private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};
  private static final byte[] ONLINE_USERS = "getOnlineUsers".getBytes(StandardCharsets.US_ASCII);

  private final InetSocketAddress server;
  private final InetSocketAddress source;
  private final String token;
  private final Events events;
  private SocketChannel channel;
  private SelectionKey key;
  private ByteBuffer pending;
  private ByteBuffer response = ByteBuffer.allocate(1024);
  private long startedAt;
  private boolean accepted;
  private boolean done;

  // the frame being read: its header so far, then what is left of its payload
  private final byte[] header = new byte[14];
  private int headerHave;
  private long payloadLeft;
  private int opcode;
  private boolean fin;
  private int messageOpcode;
  private final byte[] control = new byte[125];
  private int controlHave;
  private final byte[] first = new byte[48];
  private int firstHave;
  private long messageBytes;

  ConnectionsSocket(
      InetSocketAddress server, InetSocketAddress source, String token, Events events) {
    this.server = server;
    this.source = source;
    this.token = token;
    this.events = events;
  }

  /** A new socket to the same server, from the same address, with the same token: a retry. */
  ConnectionsSocket again() {
    return new ConnectionsSocket(server, source, token, events);
  }

  /** Starts connecting; false (and reported failed) when the channel cannot even be opened. */
  boolean connect(Selector selector, long now) {
    startedAt = now;
    try {
      channel = SocketChannel.open();
      channel.bind(source);
      channel.configureBlocking(false);
      if (channel.connect(server)) {
        key = channel.register(selector, SelectionKey.OP_READ, this);
        upgrade();
      } else {
        key = channel.register(selector, SelectionKey.OP_CONNECT, this);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      fail(why(e));
      return false;
    }
  }

  long startedAt() {
    return startedAt;
  }

  /** Whether the first text frame arrived, or the socket is gone. */
  boolean settled() {
    return accepted || done;
  }

  /** The selector says the channel is ready for what it was registered for. */
  void ready() {
    try {
      if (key.isConnectable()) {
        channel.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        upgrade();
      }
      if (key.isValid() && key.isWritable()) {
        flush();
      }
      if (key.isValid() && key.isReadable()) {
        read(ConnectionsWorker.READ_BUFFER);
      }
    } catch (IOException | RuntimeException e) {
      end(-1, why(e));
    }
  }

  /** Gives up on a socket that did not settle in time. */
  void timeOut() {
    end(-1, response != null ? "no upgrade in time" : "no first frame in time");
  }

  /** Closes it from this side (a normal close frame, then the channel). */
  void close() {
    if (!done) {
      send(frame(0x8, new byte[] {0x03, (byte) 0xE8}, 2));
      done = true;
      closeChannel();
    }
  }

  private void upgrade() throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request =
        "GET /ws HTTP/1.1\r\n"
            + ("Host: " + server.getHostString() + ":" + server.getPort() + "\r\n")
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + ("Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n")
            + "Sec-WebSocket-Version: 13\r\n"
            + ("Authorization: Bearer " + token + "\r\n\r\n");
    send(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
  }

  private void read(ByteBuffer buffer) throws IOException {
    while (!done) {
      buffer.clear();
      int read = channel.read(buffer);
      if (read < 0) {
        end(-1, response != null ? "closed before the upgrade" : "closed without a close frame");
        return;
      }
      if (read == 0) {
        return;
      }
      buffer.flip();
      if (response != null && !readResponse(buffer)) {
        return;
      }
      frames(buffer);
    }
  }

  /** The HTTP answer to the upgrade; true once it is a complete 101 (frames may follow). */
  private boolean readResponse(ByteBuffer buffer) {
    while (buffer.hasRemaining()) {
      if (!response.hasRemaining()) {
        end(-1, "upgrade answer too long");
        return false;
      }
      response.put(buffer.get());
      int at = response.position();
      if (at >= 4 && endsWith(response, at)) {
        String status =
            new String(response.array(), 0, Math.min(at, 12), StandardCharsets.US_ASCII);
        response = null;
        if (!status.startsWith("HTTP/1.1 101")) {
          end(-1, "http " + status.substring(Math.min(9, status.length())).trim());
          return false;
        }
        return true;
      }
    }
    return false;
  }

  private static boolean endsWith(ByteBuffer response, int at) {
    for (int i = 0; i < 4; i++) {
      if (response.get(at - 4 + i) != END_OF_HEADERS[i]) {
        return false;
      }
    }
    return true;
  }

  /** Frame by frame through what was read; only control frames and a first text frame are kept. */
  private void frames(ByteBuffer buffer) {
    while (buffer.hasRemaining() && !done) {
      if (payloadLeft == 0) {
        if (!readHeader(buffer)) {
          return;
        }
        if (payloadLeft == 0) {
          frameEnd();
          continue;
        }
      }
      int n = (int) Math.min(payloadLeft, buffer.remaining());
      if (opcode >= 0x8) {
        buffer.get(control, controlHave, n);
        controlHave += n;
      } else {
        int keep = accepted || messageOpcode != 0x1 ? 0 : Math.min(n, first.length - firstHave);
        buffer.get(first, firstHave, keep);
        firstHave += keep;
        buffer.position(buffer.position() + n - keep);
        messageBytes += n;
      }
      payloadLeft -= n;
      if (payloadLeft == 0) {
        frameEnd();
      }
    }
  }

  /** Reads header bytes; true once the whole header is in and {@link #payloadLeft} is set. */
  private boolean readHeader(ByteBuffer buffer) {
    while (buffer.hasRemaining()) {
      header[headerHave++] = buffer.get();
      int need = headerLength();
      if (headerHave >= 2 && headerHave == need) {
        fin = (header[0] & 0x80) != 0;
        opcode = header[0] & 0x0F;
        int length = header[1] & 0x7F;
        payloadLeft =
            length < 126
                ? length
                : length == 126 ? ((header[2] & 0xFF) << 8) | (header[3] & 0xFF) : long64();
        if (opcode != 0x0 && opcode < 0x8) {
          messageOpcode = opcode;
        }
        controlHave = 0;
        headerHave = 0;
        if (opcode >= 0x8 && payloadLeft > control.length) {
          end(-1, "control frame too long");
          return false;
        }
        return true;
      }
    }
    return false;
  }

  private int headerLength() {
    if (headerHave < 2) {
      return 2;
    }
    int length = header[1] & 0x7F;
    int masked = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + (length < 126 ? 0 : length == 126 ? 2 : 8) + masked;
  }

  private long long64() {
    long value = 0;
    for (int i = 2; i < 10; i++) {
      value = (value << 8) | (header[i] & 0xFF);
    }
    return value;
  }

  private void frameEnd() {
    switch (opcode) {
      case 0x9 -> send(frame(0xA, control, controlHave));
      case 0x8 -> {
        int code = controlHave >= 2 ? ((control[0] & 0xFF) << 8) | (control[1] & 0xFF) : 1005;
        send(frame(0x8, control, Math.min(2, controlHave)));
        end(code, "closed " + code + " before the first frame");
      }
      case 0xA -> {}
      default -> {
        if (fin) {
          events.frame(messageBytes);
          messageBytes = 0;
          if (!accepted && messageOpcode == 0x1) {
            accepted = true;
            events.accepted(this, contains(first, firstHave, ONLINE_USERS));
          }
        }
      }
    }
  }

  private static boolean contains(byte[] bytes, int length, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** A masked client frame, as RFC 6455 asks of a client. */
  private static ByteBuffer frame(int opcode, byte[] payload, int length) {
    ByteBuffer frame = ByteBuffer.allocate(6 + length);
    frame.put((byte) (0x80 | opcode)).put((byte) (0x80 | length));
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.put(mask);
    for (int i = 0; i < length; i++) {
      frame.put((byte) (payload[i] ^ mask[i % 4]));
    }
    return frame.flip();
  }

  private void send(ByteBuffer bytes) {
    if (channel == null || !channel.isOpen()) {
      return;
    }
    if (pending != null) {
      ByteBuffer both = ByteBuffer.allocate(pending.remaining() + bytes.remaining());
      pending = both.put(pending).put(bytes).flip();
      return;
    }
    pending = bytes;
    try {
      flush();
    } catch (IOException e) {
      end(-1, why(e));
    }
  }

  private void flush() throws IOException {
    while (pending != null && pending.hasRemaining()) {
      if (channel.write(pending) == 0) {
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        return;
      }
    }
    pending = null;
    if (key != null && key.isValid()) {
      key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    }
  }

  /** The socket is gone: failed if it never got its first frame, else closed with the code. */
  private void end(int code, String why) {
    if (done) {
      return;
    }
    done = true;
    closeChannel();
    if (accepted) {
      events.closed(this, code);
    } else {
      events.failed(this, why);
    }
  }

  private void fail(String why) {
    done = true;
    closeChannel();
    events.failed(this, why);
  }

  private void closeChannel() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static String why(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
