package io.chatapp.chat.realtime.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The frames going out to one socket: sent asynchronously, one at a time, through a bounded queue.
 * A client that cannot keep up is disconnected (1013, try again later) instead of holding anyone
 * else up; the fan-out never waits for one slow client.
 */
final class SocketOutbox {

  private static final Logger LOG = Logger.getLogger(SocketOutbox.class.getName());

  static final CloseReason TOO_SLOW =
      new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow to receive, reconnect");

  private static final CloseReason SEND_FAILED =
      new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed");

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
  private final int maxQueued;
  private final Consumer<CloseReason> close;
  private final Queue<String> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean released;

  /** {@code close} closes the socket, and with it this outbox ({@link #release}). */
  SocketOutbox(Session session, int maxQueued, Consumer<CloseReason> close) {
    this.session = session;
    this.maxQueued = maxQueued;
    this.close = close;
  }

  /** Queues a frame; never blocks. */
  void send(String text) {
    boolean start = false;
    boolean overflow = false;
    synchronized (this) {
      if (released) {
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
      close.accept(TOO_SLOW);
    } else if (start) {
      sendNext();
    }
  }

  private void sendNext() {
    String next;
    synchronized (this) {
      next = queue.poll();
      if (next == null || released) {
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
                          close.accept(SEND_FAILED);
                          return;
                        }
                        sendNext();
                      }));
    } catch (RuntimeException e) {
      close.accept(SEND_FAILED);
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
      close.accept(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "ping failed"));
    }
  }

  /** The socket is gone: what is queued goes, so that nothing keeps it in memory. */
  synchronized void release() {
    released = true;
    queue.clear();
  }

  synchronized boolean isReleased() {
    return released;
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
}
