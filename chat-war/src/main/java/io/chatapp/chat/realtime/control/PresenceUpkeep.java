package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's part in keeping presence true, every {@link #PERIOD_MILLIS}: it keeps the
 * instance alive (one command whatever the number of sockets), writes its sockets' counts and views
 * anew when Redis lost or missed them, and takes the users of dead instances offline (one instance
 * sweeps at a time). A socket's own arrival and departure are counted as they happen, by {@link
 * RealtimeHub}; this is what makes presence right again after Redis or an instance failed.
 */
@ApplicationScoped
public class PresenceUpkeep {

  private static final Logger LOG = Logger.getLogger(PresenceUpkeep.class.getName());

  static final long PERIOD_MILLIS = 10_000;

  @Inject LocalSessions sessions;
  @Inject Presence presence;
  @Inject ContactPresence contactPresence;
  @Inject Viewing viewing;

  /** One round of upkeep; a failure waits for the next, with everything written anew then. */
  void keep() {
    try {
      boolean missed = presence.takeMissedChange();
      if (!presence.heartbeat() || missed) {
        recount();
      }
      contactPresence.wentOffline(presence.sweep(PERIOD_MILLIS));
    } catch (RuntimeException e) {
      presence.missedChange();
      LOG.log(Level.FINE, "Presence upkeep skipped: {0}", e.getMessage());
    }
  }

  /** Writes the counts and views of this instance's sockets as they are; all of them count now. */
  private void recount() {
    Map<UserId, Map<String, ChatId>> views = new HashMap<>();
    for (UserId gone : presence.recount(sessions.countsByUser())) {
      views.put(gone, Map.of());
    }
    for (Peer peer : sessions.all()) {
      peer.counted();
      Map<String, ChatId> mine = views.computeIfAbsent(peer.user(), user -> new HashMap<>());
      ChatId chat = peer.viewing();
      if (chat != null) {
        mine.put(presence.socketKey(peer), chat);
      }
    }
    viewing.rewrite(presence.instance(), views);
  }
}
