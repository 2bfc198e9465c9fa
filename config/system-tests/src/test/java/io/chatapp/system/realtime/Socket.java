package io.chatapp.system.realtime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One client socket on chat-war, through Java's own WebSocket client, recording every frame. */
final class Socket implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final boolean reads;
  private WebSocket socket;

  private Socket(boolean reads) {
    this.reads = reads;
  }

  /** Connects with a Bearer token, as an integrator would. */
  static Socket bearer(String baseUrl, String token) throws Exception {
    return open(baseUrl, true, "Authorization", "Bearer " + token);
  }

  /** Connects with a Bearer token and then never reads a frame: a stalled client. */
  static Socket stalled(String baseUrl, String token) throws Exception {
    return open(baseUrl, false, "Authorization", "Bearer " + token);
  }

  static Socket open(String baseUrl, boolean reads, String... headers) throws Exception {
    Socket listener = new Socket(reads);
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    listener.socket =
        builder
            .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), listener)
            .get(10, TimeUnit.SECONDS);
    if (reads) {
      // the handshake can complete before the server has registered the socket; the server's
      // first frame (the online users) says it has, as it tells a real client
      listener.await("getOnlineUsers");
    }
    return listener;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(reads ? 1 : 0);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  void emit(String event, JsonValue data) {
    socket
        .sendText(
            Json.createObjectBuilder().add("event", event).add("data", data).build().toString(),
            true)
        .join();
  }

  void emit(String event, String data) {
    emit(event, Json.createValue(data));
  }

  void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  /**
   * The first frame of that event matching the condition, waiting up to 30 s for it (frames that
   * come through the message pipeline may queue behind an earlier test's burst).
   */
  JsonObject await(String event, Predicate<JsonValue> condition) throws InterruptedException {
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

  JsonObject await(String event) throws InterruptedException {
    return await(event, data -> true);
  }

  /** Whether a matching frame arrives within the time (used to show that one does not). */
  boolean arrives(String event, Predicate<JsonValue> condition, Duration within)
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

  void clear() {
    frames.clear();
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
