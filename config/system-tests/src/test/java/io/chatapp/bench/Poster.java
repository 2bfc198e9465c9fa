package io.chatapp.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Starts {@code POST /api/v1/message} and returns at once; the answer lands in the ledger when it
 * comes. Java's client over HTTP/1.1 opens a new connection whenever every open one is busy (it has
 * no per-host limit), so a slow answer never holds up the next send; the connections it keeps are
 * reused. A 201's body is not even read: only the status counts.
 */
final class Poster {

  /** How long a POST may take before it counts as a timeout: the whole wait after a round. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  /** Sends the text as the pair's sender, to the sender's instance; message {@code seq}. */
  void post(Pair pair, String text, Ledger ledger, int seq) {
    HttpRequest request =
        HttpRequest.newBuilder(pair.messageUri())
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + pair.sender().token())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"chatId\":\"" + pair.chatId() + "\",\"text\":\"" + text + "\"}"))
            .build();
    ledger.started(seq, System.nanoTime());
    try {
      client
          .sendAsync(request, Poster::statusOnly)
          .whenComplete(
              (response, error) -> {
                long now = System.nanoTime();
                if (response != null) {
                  ledger.answered(seq, response.statusCode(), now, response.body());
                } else {
                  Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                  boolean timeout = cause instanceof HttpTimeoutException;
                  ledger.failed(
                      seq, timeout ? Ledger.TIMEOUT : Ledger.CLIENT_ERROR, String.valueOf(cause));
                }
              });
    } catch (RuntimeException e) {
      ledger.failed(seq, Ledger.CLIENT_ERROR, e.toString());
    }
  }

  /** A 201's body is thrown away unread; any other answer's is kept, to say why. */
  private static HttpResponse.BodySubscriber<String> statusOnly(HttpResponse.ResponseInfo info) {
    return info.statusCode() == 201
        ? HttpResponse.BodySubscribers.replacing(null)
        : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
  }
}
