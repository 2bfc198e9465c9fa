package io.chatapp.system.realtime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One client socket on chat-war, through Java's own WebSocket client, recording every frame; or,
 * for a load generator, handing each frame's text on unparsed.
 */
public final class Socket implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final boolean reads;
  private final Consumer<String> texts;
  private WebSocket socket;

  private Socket(boolean reads, Consumer<String> texts) {
    this.reads = reads;
    this.texts = texts == null ? text -> frames.add(parse(text)) : texts;
  }

  /** Connects with a Bearer token, as an integrator would. */
  public static Socket bearer(String baseUrl, String token) throws Exception {
    return open(baseUrl, true, "Authorization", "Bearer " + token);
  }

  /** Connects with a Bearer token without waiting for the server's first frame. */
  static Socket unawaited(String baseUrl, String token) throws Exception {
    return connect(baseUrl, true, null, "Authorization", "Bearer " + token);
  }

  /** Connects with a Bearer token and then never reads a frame: a stalled client. */
  static Socket stalled(String baseUrl, String token) throws Exception {
    return open(baseUrl, false, "Authorization", "Bearer " + token);
  }

  /**
   * Connects with a Bearer token and hands the text of every frame to {@code texts}, unparsed and
   * unrecorded (on the client's threads, one frame at a time); returns once the server's first
   * frame has arrived, when the server has registered the socket.
   */
  public static Socket bearer(String baseUrl, String token, Consumer<String> texts)
      throws Exception {
    Socket listener = connect(baseUrl, true, texts, "Authorization", "Bearer " + token);
    listener.closed.thenAccept(
        code ->
            listener.firstFrame.completeExceptionally(new IllegalStateException("closed " + code)));
    listener.firstFrame.get(30, TimeUnit.SECONDS);
    return listener;
  }

  static Socket open(String baseUrl, boolean reads, String... headers) throws Exception {
    Socket listener = connect(baseUrl, reads, null, headers);
    if (reads) {
      // the handshake can complete before the server has registered the socket; the server's
      // first frame (the online users) says it has, as it tells a real client
      listener.await("getOnlineUsers");
    }
    return listener;
  }

  private static Socket connect(
      String baseUrl, boolean reads, Consumer<String> texts, String... headers) throws Exception {
    Socket listener = new Socket(reads, texts);
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws");
    for (int attempt = 1; ; attempt++) {
      try {
        listener.socket = builder.buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        return listener;
      } catch (ExecutionException e) {
        // chat-war busy with other upgrades (503, Retry-After): come back later, as a client does
        if (attempt >= BUSY_ATTEMPTS
            || !(e.getCause() instanceof WebSocketHandshakeException refused)
            || refused.getResponse().statusCode() != 503) {
          throw e;
        }
        long seconds =
            refused
                .getResponse()
                .headers()
                .firstValue("Retry-After")
                .map(Long::parseLong)
                .orElse(1L);
        Thread.sleep((long) (seconds * 1000 * (0.5 + ThreadLocalRandom.current().nextDouble())));
      }
    }
  }

  /** Upgrades refused as busy (503) are tried this many times in all. */
  private static final int BUSY_ATTEMPTS = 10;

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(reads ? 1 : 0);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (last && partial.length() == 0) {
      texts.accept(data.toString());
    } else {
      partial.append(data);
      if (last) {
        texts.accept(partial.toString());
        partial.setLength(0);
      }
    }
    firstFrame.complete(null);
    webSocket.request(1);
    return null;
  }

  private static JsonObject parse(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    this.error = error;
    closed.complete(-1);
  }

  /** Why the socket broke, when it broke rather than closed (for failure messages). */
  volatile Throwable error;

  public void emit(String event, JsonValue data) {
    socket
        .sendText(
            Json.createObjectBuilder().add("event", event).add("data", data).build().toString(),
            true)
        .join();
  }

  public void emit(String event, String data) {
    emit(event, Json.createValue(data));
  }

  void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  /**
   * The first frame of that event matching the condition, waiting up to 30 s for it (frames that
   * come through the message pipeline may queue behind an earlier test's burst).
   */
  public JsonObject await(String event, Predicate<JsonValue> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      for (JsonObject frame : frames) {
        if (frame.getString("event").equals(event) && condition.test(frame.get("data"))) {
          return frame;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No " + event + " frame as expected; got " + frames);
  }

  public JsonObject await(String event) throws InterruptedException {
    return await(event, data -> true);
  }

  /** Whether a matching frame arrives within the time (used to show that one does not). */
  public boolean arrives(String event, Predicate<JsonValue> condition, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      for (JsonObject frame : frames) {
        if (frame.getString("event").equals(event) && condition.test(frame.get("data"))) {
          return true;
        }
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** How many frames of that event matching the condition arrived so far. */
  public long count(String event, Predicate<JsonValue> condition) {
    return frames.stream()
        .filter(frame -> frame.getString("event").equals(event))
        .filter(frame -> condition.test(frame.get("data")))
        .count();
  }

  public void clear() {
    frames.clear();
  }

  /** Completes with the close code when the socket closes (-1 when it broke). */
  public CompletionStage<Integer> whenClosed() {
    return closed;
  }

  @Override
  public void close() {
    try {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(3, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // the server may already have closed it
    }
    socket.abort();
  }
}
