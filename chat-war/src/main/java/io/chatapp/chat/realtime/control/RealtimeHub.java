package io.chatapp.chat.realtime.control;

import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Revocations;
import io.chatapp.platform.errors.DependencyUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the WebSocket endpoint does with sockets: each one's arrival and departure in presence, its
 * token's expiry, pings, and the bounds on its frames and on a user's sockets. The container's
 * socket threads only count a frame against its socket's budget and queue it: {@link ClientFrames}
 * handles it on a few threads of this hub's own ({@code ws.frame-threads}), in order per socket.
 * Every 10 s its timer runs {@link PresenceUpkeep}.
 */
@ApplicationScoped
public class RealtimeHub {

  private static final Logger LOG = Logger.getLogger(RealtimeHub.class.getName());

  /** Close code telling the client its access token expired: refresh it, then reconnect. */
  public static final int TOKEN_EXPIRED = 4401;

  @Inject LocalSessions sessions;
  @Inject Presence presence;
  @Inject ContactPresence contactPresence;
  @Inject PresenceUpkeep upkeep;
  @Inject Viewing viewing;
  @Inject Typing typing;
  @Inject RealtimeBus bus;
  @Inject ClientFrames frames;
  @Inject Revocations revocations;

  @Inject
  @ConfigProperty(name = "ws.max-queued-frames", defaultValue = "256")
  int maxQueued;

  @Inject
  @ConfigProperty(name = "ws.ping-seconds", defaultValue = "45")
  int pingSeconds;

  /** How much later than two intervals a socket's last pong may be before it is closed. */
  private static final long PONG_GRACE_MILLIS = 5_000;

  @Inject
  @ConfigProperty(name = "ws.frames-per-second", defaultValue = "20")
  int framesPerSecond;

  @Inject
  @ConfigProperty(name = "ws.frame-burst", defaultValue = "40")
  int frameBurst;

  @Inject
  @ConfigProperty(name = "ws.max-sockets-per-user", defaultValue = "20")
  int maxSocketsPerUser;

  @Inject
  @ConfigProperty(name = "ws.frame-threads", defaultValue = "4")
  int frameThreadCount;

  /** Threads of the application's context for frames and timers, never the shared pools. */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  private ExecutorService frameThreads;
  private ScheduledThreadPoolExecutor timers;
  private Peer.FrameBudget budget;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    bus.start();
    budget = new Peer.FrameBudget(framesPerSecond, frameBurst);
    frameThreads = Executors.newFixedThreadPool(frameThreadCount, threadFactory);
    timers = new ScheduledThreadPoolExecutor(1, threadFactory);
    timers.setRemoveOnCancelPolicy(true);
    timers.scheduleWithFixedDelay(
        upkeep::keep, 0, PresenceUpkeep.PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(this::pingAndReap, 1, 1, TimeUnit.SECONDS);
    revocations.onRevoked(this::closeRevoked);
  }

  private void closeRevoked(Revocations.Revoked revoked) {
    for (Peer peer : sessions.all()) {
      Credentials token = peer.credentials();
      if (revoked.covers(token.session(), peer.user().value(), token.issuedAt())) {
        peer.close(new CloseReason(() -> TOKEN_EXPIRED, "The session ended"));
      }
    }
  }

  @PreDestroy
  void stop() {
    if (timers != null) {
      timers.shutdownNow();
      frameThreads.shutdownNow();
    }
  }

  /** The token a socket opened with: its session (maybe null), when it was issued and expires. */
  public record Credentials(String session, Instant issuedAt, Instant expiry) {}

  /**
   * A socket opened for an authenticated user: it closes with {@link #TOKEN_EXPIRED} when its token
   * expires, or at once when its session is revoked (logout).
   */
  public void opened(Session session, UserId user, Credentials token) {
    Peer peer = sessions.add(session, user, maxQueued, frameThreads, budget, token);
    long untilExpiry = Math.max(0, token.expiry().toEpochMilli() - System.currentTimeMillis());
    peer.onClose(
        timers.schedule(
            () -> peer.close(new CloseReason(() -> TOKEN_EXPIRED, "Access token expired")),
            untilExpiry,
            TimeUnit.MILLISECONDS));
    peer.inbox().execute(() -> arrive(peer, session));
  }

  /** A text frame from a socket: queued if its budget allows, else refused. */
  public void received(Session session, String text) {
    sessions
        .get(session)
        .ifPresent(
            peer -> {
              switch (peer.admit(System.nanoTime())) {
                case TAKEN -> peer.inbox().execute(() -> frames.handle(peer, text));
                case WARNED -> {
                  LOG.info(() -> "A socket of " + peer.user() + " sends too many frames");
                  peer.send(
                      Frame.error(
                              "Too many frames: at most "
                                  + frameBurst
                                  + " at once and "
                                  + framesPerSecond
                                  + " a second; slow down or be disconnected")
                          .toText());
                }
                case REFUSED -> {}
                case CLOSE -> {
                  LOG.info(() -> "Closing a socket of " + peer.user() + ": too many frames");
                  peer.close(
                      new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Too many frames"));
                }
              }
            });
  }

  public void ponged(Session session) {
    sessions.get(session).ifPresent(Peer::ponged);
  }

  /** A socket closed (by either side, or broken). */
  public void closed(Session session) {
    sessions
        .remove(session)
        .ifPresent(
            peer -> {
              peer.released();
              peer.inbox().execute(() -> depart(peer));
            });
  }

  /** Counts the socket in presence and sends it its online contacts; past the bound it goes. */
  private void arrive(Peer peer, Session session) {
    try {
      Presence.Arrival arrival = presence.connected(peer.user(), maxSocketsPerUser);
      if (arrival == Presence.Arrival.REFUSED) {
        peer.refused();
        sessions.remove(session);
        LOG.info(() -> peer.user() + " has " + maxSocketsPerUser + " sockets open; refused one");
        peer.close(
            new CloseReason(
                CloseReason.CloseCodes.VIOLATED_POLICY,
                "Too many open sockets: at most " + maxSocketsPerUser + " per user"));
        return;
      }
      peer.counted();
      peer.send(contactPresence.onlineContacts(peer.user()).toText());
      if (arrival == Presence.Arrival.CAME_ONLINE) {
        contactPresence.cameOnline(peer.user());
      }
    } catch (DependencyUnavailableException e) {
      presence.missedChange();
      peer.send(Frame.error("Presence is unavailable right now").toText());
    }
  }

  private void depart(Peer peer) {
    typing.peerClosed(peer.id());
    try {
      if (peer.viewing() != null) {
        viewing.notViewing(peer.user(), presence.socketKey(peer));
      }
      if (peer.isCounted() && presence.disconnected(peer.user())) {
        contactPresence.wentOffline(List.of(peer.user()));
      }
    } catch (DependencyUnavailableException e) {
      presence.missedChange();
      LOG.fine("Redis away while a socket closed; counted again once it is back");
    }
  }

  /**
   * Every second: pings the sockets whose turn it is, each once every {@code ws.ping-seconds} from
   * a moment of its own (pinging 10,000 sockets at once made 10,000 pongs arrive at once, past the
   * container's task queue of 4,096, which then dropped connections), and closes those silent for
   * two intervals (one pong may be lost) and a few seconds.
   *
   * <p>Each pong costs more than its bytes: Tyrus restarts the session's idle timer with a task on
   * the server's managed scheduled executor, and Payara's context capture for it scans the server's
   * and the WAR's jars ({@code ServiceLoader}, on the container thread that read the pong; {@link
   * SessionTimers} now spares that where it can). At 10,000 idle sockets that was half of
   * chat-war's idle CPU (JFR), so the default interval is 45 s: still under the 60 s after which
   * common proxies and load balancers drop a silent connection.
   */
  private void pingAndReap() {
    long now = System.currentTimeMillis();
    long interval = pingSeconds * 1000L;
    long deadline = now - 2 * interval - PONG_GRACE_MILLIS;
    for (Peer peer : sessions.all()) {
      if (peer.lastPongAt() < deadline) {
        peer.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "No answer to pings"));
      } else if (peer.pingDue(now, interval)) {
        peer.ping();
      }
    }
  }
}
