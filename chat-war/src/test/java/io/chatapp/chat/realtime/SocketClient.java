package io.chatapp.chat.realtime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A client of chat-war's {@code /ws}, as a browser tab or the mobile app opens it. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

  /** How the server closed the socket. */
  record Closed(int status, String reason) {}

  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  /** Opens the socket with these handshake headers; fails with the refusal's HTTP status. */
  static SocketClient open(URI uri, Map<String, String> headers) throws HandshakeRefused {
    SocketClient client = new SocketClient();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    try {
      client.socket = builder.buildAsync(uri, client).get(15, TimeUnit.SECONDS);
      return client;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        throw new HandshakeRefused(refused.getResponse().statusCode());
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next frame whose {@code event} is this one, skipping others. */
  JsonObject next(String event, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      JsonObject frame = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame != null && event.equals(frame.getString("event", null))) {
        return frame;
      }
    }
    throw new AssertionError("No " + event + " frame within " + within);
  }

  Closed awaitClose(Duration within) throws Exception {
    return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
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
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }

  /** The server answered the upgrade with this HTTP status instead of 101. */
  static final class HandshakeRefused extends Exception {
    final int status;

    HandshakeRefused(int status) {
      super("Handshake refused with HTTP " + status);
      this.status = status;
    }
  }
}
