package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.SerialExecutor;
import io.chatapp.chat.common.control.TokenBucket;
import io.chatapp.chat.users.entity.UserId;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open socket and what it is doing. Frames go out through its {@link SocketOutbox}: a client
 * that cannot keep up is disconnected instead of holding anyone else up. Frames coming in are
 * handled in order on the socket's own {@link #inbox}, off the container's threads, as far as its
 * frame budget (a token bucket) allows.
 */
public final class Peer {

  private static final Logger LOG = Logger.getLogger(Peer.class.getName());
  private final Session session;
  private final UserId user;
  private final SocketOutbox outbox;
  private volatile long lastPongAt = System.currentTimeMillis();
  private long nextPingAt;
  private volatile Future<?> closeTask;
  private final SerialExecutor inbox;
  private final TokenBucket budget;
  private final int burst;
  private int refused;
  private volatile ChatId viewing;
  private final Set<ChatId> joined = ConcurrentHashMap.newKeySet();
  private volatile boolean counted;
  private volatile boolean refusedOnArrival;

  /** What {@link #admit} made of an incoming frame. */
  enum Admission {
    TAKEN,
    /** The first frame over budget: the client is told. */
    WARNED,
    REFUSED,
    /** Still sending after the warning: the socket is closed. */
    CLOSE
  }

  private final RealtimeHub.Credentials credentials;

  Peer(
      Session session,
      UserId user,
      int maxQueued,
      Executor threads,
      FrameBudget limits,
      RealtimeHub.Credentials credentials) {
    this.session = session;
    this.user = user;
    this.credentials = credentials;
    this.outbox = new SocketOutbox(session, maxQueued, this::close);
    this.inbox = new SerialExecutor(threads);
    this.budget = new TokenBucket(limits.perSecond(), limits.burst(), System.nanoTime());
    this.burst = limits.burst();
  }

  /** The token the socket opened with. */
  RealtimeHub.Credentials credentials() {
    return credentials;
  }

  /** Frames a socket may send: {@code perSecond} on average, {@code burst} at once. */
  record FrameBudget(double perSecond, int burst) {}

  /** Runs the socket's work one task at a time, in order. */
  Executor inbox() {
    return inbox;
  }

  /**
   * Counts an incoming frame against the budget. Refused frames are dropped; once a burst's worth
   * more was refused after the warning, before the client let its budget fill up again, the socket
   * goes.
   */
  synchronized Admission admit(long nowNanos) {
    if (refused > 0 && budget.isFull(nowNanos)) {
      refused = 0;
    }
    if (budget.tryTake(nowNanos)) {
      return Admission.TAKEN;
    }
    refused++;
    if (refused == 1) {
      return Admission.WARNED;
    }
    return refused > burst ? Admission.CLOSE : Admission.REFUSED;
  }

  /** Notes the chat on screen; false when it was that one already (nothing changes). */
  boolean view(ChatId chat) {
    if (chat.equals(viewing)) {
      return false;
    }
    viewing = chat;
    return true;
  }

  /** Notes that no chat is on screen; false when none was. */
  boolean stopViewing() {
    if (viewing == null) {
      return false;
    }
    viewing = null;
    return true;
  }

  ChatId viewing() {
    return viewing;
  }

  /** Notes a joined chat; false when it was joined already. */
  boolean join(ChatId chat) {
    return joined.add(chat);
  }

  void leave(ChatId chat) {
    joined.remove(chat);
  }

  /** Presence counts this socket (so closing it must uncount it). */
  void counted() {
    counted = true;
  }

  /**
   * The socket was refused on arrival (its user holds the most sockets allowed): it is closed and
   * never counted, and its departure is never run, so the frames it sent meanwhile must do nothing
   * (a {@code viewing:chat} would stay in Redis, and the user's messages arrive as read).
   */
  void refused() {
    refusedOnArrival = true;
  }

  boolean wasRefused() {
    return refusedOnArrival;
  }

  boolean isCounted() {
    return counted;
  }

  public String id() {
    return session.getId();
  }

  public UserId user() {
    return user;
  }

  /** Queues a frame; never blocks (see {@link SocketOutbox}). */
  void send(String text) {
    outbox.send(text);
  }

  void ping() {
    outbox.ping();
  }

  /**
   * Whether the socket's ping is due: once every {@code interval}, the first one at a random moment
   * within the first interval, so that the pings of many sockets spread evenly.
   */
  boolean pingDue(long now, long interval) {
    if (nextPingAt == 0) {
      nextPingAt = now + java.util.concurrent.ThreadLocalRandom.current().nextLong(1, interval + 1);
    }
    if (now < nextPingAt) {
      return false;
    }
    nextPingAt = now + interval;
    return true;
  }

  void ponged() {
    lastPongAt = System.currentTimeMillis();
  }

  long lastPongAt() {
    return lastPongAt;
  }

  /** A task of this socket's (its token expiry) to cancel once it is closed. */
  void onClose(Future<?> task) {
    closeTask = task;
    if (isClosed()) {
      task.cancel(false);
    }
  }

  /** The socket is gone: its queue and its task go with it, so nothing keeps it in memory. */
  void released() {
    outbox.release();
    Future<?> task = closeTask;
    if (task != null) {
      task.cancel(false);
    }
  }

  private boolean isClosed() {
    return outbox.isReleased();
  }

  void close(CloseReason reason) {
    released();
    try {
      if (session.isOpen()) {
        session.close(reason);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing a socket", e);
    }
  }
}
