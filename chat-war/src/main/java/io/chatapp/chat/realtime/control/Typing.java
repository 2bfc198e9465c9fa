package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Typing indicators with their 4-second life: a {@code typing:start} that is not refreshed, or the
 * socket that sent it closing, ends it. Kept on the instance that holds the typist's socket.
 */
@ApplicationScoped
public class Typing {

  static final long EXPIRY_MILLIS = 4000;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  private final Map<String, Indicator> indicators = new ConcurrentHashMap<>();

  /** One running indicator; its expiry ends exactly this one, never a newer one. */
  private static final class Indicator {
    final Consumer<Boolean> announce;
    volatile ScheduledFuture<?> expiry;

    Indicator(Consumer<Boolean> announce) {
      this.announce = announce;
    }
  }

  public Typing() {}

  public Typing(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts or refreshes; {@code announce} is told true when it starts, false when it ends. */
  public void start(String peer, ChatId chat, Consumer<Boolean> announce) {
    String key = key(peer, chat);
    Indicator fresh = new Indicator(announce);
    Indicator previous = indicators.put(key, fresh);
    if (previous != null && previous.expiry != null) {
      previous.expiry.cancel(false);
    }
    fresh.expiry =
        scheduler.schedule(
            () -> {
              if (indicators.remove(key, fresh)) {
                announce.accept(false);
              }
            },
            EXPIRY_MILLIS,
            TimeUnit.MILLISECONDS);
    if (previous == null) {
      announce.accept(true);
    }
  }

  /** Whether the socket's indicator in the chat is running (a start would only refresh it). */
  public boolean isTyping(String peer, ChatId chat) {
    return indicators.containsKey(key(peer, chat));
  }

  /** Ends the indicator, if any, and says so. */
  public void stop(String peer, ChatId chat) {
    Indicator indicator = indicators.remove(key(peer, chat));
    if (indicator != null) {
      if (indicator.expiry != null) {
        indicator.expiry.cancel(false);
      }
      indicator.announce.accept(false);
    }
  }

  private static String key(String peer, ChatId chat) {
    return peer + "|" + chat.value();
  }

  /** Ends every indicator of a closing socket. */
  public void peerClosed(String peer) {
    indicators.keySet().stream()
        .filter(key -> key.startsWith(peer + "|"))
        .toList()
        .forEach(key -> stop(peer, new ChatId(key.substring(peer.length() + 1))));
  }
}
