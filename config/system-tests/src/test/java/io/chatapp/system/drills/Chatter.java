package io.chatapp.system.drills;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import io.chatapp.system.realtime.Socket;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People chatting while a drill breaks the stack: pairs of users, each in a 1:1 chat, the senders
 * posting in turn to the two chat-war instances, each recipient's socket open on one of them. Each
 * client behaves like a browser tab: a send that failed is retried with the same {@code clientId}
 * after its {@code Retry-After}; a socket that dropped is opened again, and the tab catches up
 * through the history. At the end, every message answered 201 must be in its chat's history once,
 * and have reached its recipient by socket or by catching up.
 */
public final class Chatter implements AutoCloseable {

  /** How long a tab keeps retrying one message before it gives up on it. */
  private static final Duration GIVE_UP = Duration.ofSeconds(90);

  private final String label;
  private final List<Pair> pairs = new ArrayList<>();
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final Map<String, String> acceptedByText = new ConcurrentHashMap<>();
  private final Set<String> deliveredBySocket = ConcurrentHashMap.newKeySet();
  private final Set<String> caughtUp = ConcurrentHashMap.newKeySet();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger givenUp = new AtomicInteger();
  private final AtomicInteger reconnects = new AtomicInteger();
  private final List<Thread> senders = new ArrayList<>();
  private final Duration pace;
  private volatile boolean sending = true;
  private volatile boolean open = true;

  private Chatter(String label, Duration pace) {
    this.label = label;
    this.pace = pace;
  }

  /**
   * {@code pairs} new pairs chatting, each sender sending a message every {@code pace} (and waiting
   * for its answer first, as a person does); returns once every socket is open and sends have
   * begun.
   */
  public static Chatter start(String label, int pairs, Duration pace) throws Exception {
    Chatter chatter = new Chatter(label, pace);
    List<String> instances = new ArrayList<>(List.of(Stack.url("chat")));
    if ("2".equals(System.getenv("CHAT_INSTANCES"))) {
      instances.add(Stack.url("chat2"));
    }
    for (int i = 0; i < pairs; i++) {
      UserApi.Session sender = UserApi.logIn(UserApi.newEmail("drill"));
      UserApi.Session recipient = UserApi.logIn(UserApi.newEmail("drill"));
      String senderUrl = instances.get(i % instances.size());
      String recipientUrl = instances.get((i + 1) % instances.size());
      ChatClient.Response chat =
          ChatClient.startChat(senderUrl, sender.accessToken(), recipient.userId());
      if (chat.status() != 200 && chat.status() != 201) {
        throw new IllegalStateException("chat/new answered " + chat.status() + ": " + chat.body());
      }
      Pair pair =
          chatter
          .new Pair(
              i,
              sender.accessToken(),
              recipient.accessToken(),
              chat.json().getString("chatId"),
              senderUrl,
              recipientUrl);
      chatter.pairs.add(pair);
      pair.socket = Socket.bearer(recipientUrl, recipient.accessToken(), pair::frame);
      pair.watch(pair.socket);
    }
    for (Pair pair : chatter.pairs) {
      Thread thread = new Thread(pair::chat, "drill-sender-" + pair.index);
      thread.setDaemon(true);
      chatter.senders.add(thread);
      thread.start();
    }
    return chatter;
  }

  /** Stops starting new messages; a message being retried is retried to its end. */
  private void stopSending() throws InterruptedException {
    sending = false;
    for (Thread thread : senders) {
      thread.join(GIVE_UP.plusSeconds(30).toMillis());
    }
  }

  /** The chat list of a pair's recipient, as its tab reads it ({@code GET /chat/all}). */
  public ChatClient.Response chatList(int pair) throws Exception {
    Pair chosen = pairs.get(pair);
    return chosen.get("/chat/all", chosen.recipientToken);
  }

  /**
   * Stops sending, waits up to {@code settle} until every accepted message is in its history and
   * delivered (tabs whose socket dropped catch up through the history), and returns the figures.
   */
  public Tally finish(Duration settle) throws Exception {
    stopSending();
    long deadline = System.nanoTime() + settle.toNanos();
    Tally tally = tally();
    while ((tally.lost() > 0 || tally.undelivered() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      for (Pair pair : pairs) {
        if (pair.behind) {
          pair.catchUp();
        }
      }
      tally = tally();
    }
    return tally;
  }

  /** The figures of the drill so far, from the histories as the senders read them. */
  private Tally tally() throws Exception {
    int stored = 0;
    int lost = 0;
    int duplicated = 0;
    int undelivered = 0;
    List<String> wrongCounters = new ArrayList<>();
    for (Pair pair : pairs) {
      List<JsonObject> history = pair.history(pair.senderToken);
      Map<String, Integer> byText = new HashMap<>();
      Set<String> ids = new HashSet<>();
      for (JsonObject message : history) {
        byText.merge(message.getString("text", ""), 1, Integer::sum);
        ids.add(message.getString("_id"));
      }
      for (var entry : pair.accepted.entrySet()) {
        int copies = byText.getOrDefault(entry.getKey(), 0);
        if (copies == 0 || !ids.contains(entry.getValue())) {
          lost++;
        } else {
          stored++;
          duplicated += copies - 1;
          if (!deliveredBySocket.contains(entry.getValue())
              && !caughtUp.contains(entry.getValue())) {
            undelivered++;
          }
        }
      }
      int unread = pair.unread();
      if (unread != pair.accepted.size()) {
        wrongCounters.add(pair.chatId + " counts " + unread + " of " + pair.accepted.size());
      }
    }
    return new Tally(
        label,
        started.get(),
        acceptedByText.size(),
        new TreeMap<>(
            answers.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))),
        stored,
        stored - undelivered,
        lost,
        duplicated,
        wrongCounters,
        givenUp.get(),
        reconnects.get());
  }

  @Override
  public void close() {
    sending = false;
    open = false;
    for (Pair pair : pairs) {
      Socket socket = pair.socket;
      if (socket != null) {
        socket.close();
      }
    }
  }

  /**
   * The figures of a drill. {@code answers}: every POST by status (0 for none: no connection or a
   * timeout), retries included; {@code accepted}: messages answered 201 (once each).
   */
  public record Tally(
      String label,
      int sent,
      int accepted,
      Map<Integer, Integer> answers,
      int stored,
      int delivered,
      int lost,
      int duplicated,
      List<String> wrongCounters,
      int givenUp,
      int reconnects) {

    int undelivered() {
      return stored - delivered;
    }

    /** Answers that are neither a 201 nor a refusal a client retries (503, 429) nor no answer. */
    public Map<Integer, Integer> unexpected() {
      Map<Integer, Integer> wrong = new TreeMap<>(answers);
      wrong.keySet().removeAll(Set.of(0, 201, 429, 503));
      return wrong;
    }

    /** The drill's line: what was sent, accepted, refused, stored, delivered, lost. */
    public String line(double recoveredSeconds) {
      Map<Integer, Integer> refused = new TreeMap<>(answers);
      refused.remove(201);
      return String.format(
              "drill %s: sent %,d, accepted %,d, refused %,d %s, stored %,d, delivered %,d, lost %d,"
                  + " duplicated %d, wrong unread counters %d, given up %d, sockets reopened %d,"
                  + " recovered in %.1f s",
              label,
              sent,
              accepted,
              refused.values().stream().mapToInt(Integer::intValue).sum(),
              refused,
              stored,
              delivered,
              lost,
              duplicated,
              wrongCounters.size(),
              givenUp,
              reconnects,
              recoveredSeconds)
          + (wrongCounters.isEmpty() ? "" : " " + wrongCounters);
    }
  }

  /** A sender's and a recipient's tab in their chat. */
  private final class Pair {
    final int index;
    final String senderToken;
    final String recipientToken;
    final String chatId;
    final String senderUrl;
    final String recipientUrl;
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    volatile Socket socket;

    /** Whether the tab's socket dropped and it has not caught up since. */
    volatile boolean behind;

    Pair(
        int index,
        String senderToken,
        String recipientToken,
        String chatId,
        String senderUrl,
        String recipientUrl) {
      this.index = index;
      this.senderToken = senderToken;
      this.recipientToken = recipientToken;
      this.chatId = chatId;
      this.senderUrl = senderUrl;
      this.recipientUrl = recipientUrl;
    }

    /** The sender: a message every {@code pace}, each retried until it is accepted. */
    void chat() {
      int n = 0;
      while (sending) {
        String text = label + " " + index + "-" + n++;
        started.incrementAndGet();
        String id = sendUntilAccepted(text);
        if (id != null) {
          accepted.put(text, id);
          acceptedByText.put(text, id);
        }
        sleep(pace.toMillis());
      }
    }

    private String sendUntilAccepted(String text) {
      String clientId = UUID.randomUUID().toString();
      String body =
          "{\"chatId\":\""
              + chatId
              + "\",\"text\":\""
              + text
              + "\",\"clientId\":\""
              + clientId
              + "\"}";
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (System.nanoTime() < deadline && open) {
        int status;
        long retryAfter = 500;
        try {
          HttpResponse<String> response =
              Stack.HTTP.send(
                  HttpRequest.newBuilder(URI.create(senderUrl + "/api/v1/message"))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + senderToken)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          status = response.statusCode();
          if (status == 201) {
            answers.computeIfAbsent(201, s -> new AtomicInteger()).incrementAndGet();
            return ChatClient.json(response.body()).getJsonObject("message").getString("_id");
          }
          retryAfter =
              response
                  .headers()
                  .firstValue("Retry-After")
                  .map(seconds -> Math.min(2000, Long.parseLong(seconds.trim()) * 1000))
                  .orElse(500L);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        } catch (Exception e) {
          status = 0;
        }
        answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        sleep(retryAfter);
      }
      givenUp.incrementAndGet();
      return null;
    }

    /** Once the socket drops, the tab opens it again (every 0.5 s until it can) and catches up. */
    void watch(Socket opened) {
      opened
          .whenClosed()
          .thenRun(
              () -> {
                socket = null;
                behind = true;
                if (!open) {
                  return;
                }
                reconnects.incrementAndGet();
                Thread reopen = new Thread(this::reopen, "drill-reopen-" + index);
                reopen.setDaemon(true);
                reopen.start();
              });
    }

    private void reopen() {
      while (open && socket == null) {
        sleep(500);
        try {
          Socket opened = Socket.bearer(recipientUrl, recipientToken, this::frame);
          socket = opened;
          watch(opened);
          catchUp();
        } catch (Exception e) {
          // the instance is not back yet: try again
        }
      }
    }

    void frame(String text) {
      if (!text.contains("\"message:new\"")) {
        return;
      }
      JsonObject frame = ChatClient.json(text);
      JsonValue data = frame.get("data");
      if (data instanceof JsonObject event
          && event.get("message") instanceof JsonObject message
          && message.containsKey("_id")) {
        deliveredBySocket.add(message.getString("_id"));
      }
    }

    /** What a tab does after its socket was opened again: reads the latest page of the chat. */
    void catchUp() {
      try {
        for (JsonObject message : history(senderToken)) {
          caughtUp.add(message.getString("_id"));
        }
        behind = false;
      } catch (Exception e) {
        // the next reconnect or the final tally tries again
      }
    }

    /**
     * The chat's whole history (up to 3,000 messages), read as the sender, so that the recipient's
     * unread counter is left as the messages left it.
     */
    List<JsonObject> history(String token) throws Exception {
      List<JsonObject> all = new ArrayList<>();
      String before = null;
      for (int page = 0; page < 30; page++) {
        ChatClient.Response response =
            get(
                "/message/" + chatId + "?limit=100" + (before == null ? "" : "&before=" + before),
                token);
        if (response.status() != 200) {
          throw new IllegalStateException("history answered " + response.status());
        }
        var messages = response.json().getJsonArray("messages");
        if (messages.isEmpty()) {
          break;
        }
        List<JsonObject> older = new ArrayList<>();
        messages.forEach(m -> older.add((JsonObject) m));
        all.addAll(0, older);
        before = older.get(0).getString("_id");
      }
      return all;
    }

    /** The recipient's unread counter of this chat, as {@code /chat/all} shows it. */
    int unread() throws Exception {
      ChatClient.Response chats = get("/chat/all", recipientToken);
      for (var entry : chats.json().getJsonArray("chats")) {
        JsonObject chat = ((JsonObject) entry).getJsonObject("chat");
        if (chat.getString("_id").equals(chatId)) {
          return chat.getInt("unseenCount");
        }
      }
      return -1;
    }

    ChatClient.Response get(String path, String token) throws Exception {
      return ChatClient.send(
          HttpRequest.newBuilder(URI.create(recipientUrl + "/api/v1" + path))
              .timeout(Duration.ofSeconds(15))
              .header("Authorization", "Bearer " + token)
              .build());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
