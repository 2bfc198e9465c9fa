package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.SerialExecutor;
import io.chatapp.chat.common.control.TokenBucket;
import io.chatapp.chat.users.entity.UserId;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open socket and what it is doing. Frames go out asynchronously, one at a time, through a
 * bounded queue: a client that cannot keep up is disconnected instead of holding anyone else up.
 * Frames coming in are handled in order on the socket's own {@link #inbox}, off the container's
 * threads, as far as its frame budget (a token bucket) allows.
 */
public final class Peer {

  private static final Logger LOG = Logger.getLogger(Peer.class.getName());
  static final CloseReason TOO_SLOW =
      new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow to receive, reconnect");

  /**
   * The context class loader while a frame is handed to the container. Tyrus restarts the socket's
   * idle timer on every send by scheduling a task on the server's managed scheduled executor, and
   * Payara's context capture for that task looks up Jakarta Concurrency's context providers with
   * {@code ServiceLoader} on the context class loader, scanning every jar of the WAR: measured at
   * 100 msg/s, that was 26 % of chat-war's CPU, most of it on the one thread that reads the
   * real-time channel. The JDK's platform loader answers the same look-up (no providers) at once.
   * {@link SessionTimers} spares even that where it can give Tyrus a plain scheduler.
   */
  private static final ClassLoader WITHOUT_APPLICATION_JARS = ClassLoader.getPlatformClassLoader();

  private final Session session;
  private final UserId user;
  private final int maxQueued;
  private final Queue<String> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;
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
    this.maxQueued = maxQueued;
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

  boolean isCounted() {
    return counted;
  }

  public String id() {
    return session.getId();
  }

  public UserId user() {
    return user;
  }

  /** Queues a frame; never blocks. */
  void send(String text) {
    boolean start = false;
    boolean overflow = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue.size() >= maxQueued) {
        overflow = true;
      } else {
        queue.add(text);
        start = !sending;
        sending = true;
      }
    }
    if (overflow) {
      close(TOO_SLOW);
    } else if (start) {
      sendNext();
    }
  }

  private void sendNext() {
    String next;
    synchronized (this) {
      next = queue.poll();
      if (next == null || closed) {
        sending = false;
        return;
      }
    }
    try {
      outsideApplicationJars(
          () ->
              session
                  .getAsyncRemote()
                  .sendText(
                      next,
                      result -> {
                        if (!result.isOK()) {
                          LOG.log(Level.FINE, "A send failed; closing", result.getException());
                          close(
                              new CloseReason(
                                  CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                          return;
                        }
                        sendNext();
                      }));
    } catch (RuntimeException e) {
      close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
    }
  }

  /** Hands something to the container with {@link #WITHOUT_APPLICATION_JARS} as context loader. */
  private static void outsideApplicationJars(Runnable send) {
    Thread thread = Thread.currentThread();
    ClassLoader application = thread.getContextClassLoader();
    thread.setContextClassLoader(WITHOUT_APPLICATION_JARS);
    try {
      send.run();
    } finally {
      thread.setContextClassLoader(application);
    }
  }

  void ping() {
    try {
      outsideApplicationJars(
          () -> {
            try {
              session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (RuntimeException e) {
      close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "ping failed"));
    }
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
    synchronized (this) {
      closed = true;
      queue.clear();
    }
    Future<?> task = closeTask;
    if (task != null) {
      task.cancel(false);
    }
  }

  private synchronized boolean isClosed() {
    return closed;
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
