package io.chatapp.chat.realtime.control;

import io.chatapp.chat.users.entity.UserId;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open socket and what it is doing. Frames go out asynchronously, one at a time, through a
 * bounded queue: a client that cannot keep up is disconnected instead of holding anyone else up.
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
   */
  private static final ClassLoader WITHOUT_APPLICATION_JARS = ClassLoader.getPlatformClassLoader();

  private final Session session;
  private final UserId user;
  private final int maxQueued;
  private final Queue<String> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;
  private volatile long lastPongAt = System.currentTimeMillis();
  private volatile Future<?> closeTask;

  Peer(Session session, UserId user, int maxQueued) {
    this.session = session;
    this.user = user;
    this.maxQueued = maxQueued;
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
