package io.chatapp.chat.realtime.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Field;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the WebSocket container (Tyrus) a plain scheduler of this application's for its sessions'
 * idle timers, in place of the server's managed one.
 *
 * <p>Why: Tyrus restarts a session's idle timer on every frame it sends or receives, pongs
 * included, by scheduling a task, even when the session has no idle timeout (ours have none: {@link
 * Peer} pings and reaps its socket itself), and such a task then does nothing. On Payara's managed
 * scheduler each of those tasks first captures the application's context, which looks Jakarta
 * Concurrency's context providers up through {@code ServiceLoader}. JFR at 1,000 msg/s: half of the
 * CPU of a socket send; at 10,000 idle sockets, from the pongs alone, half of chat-war's idle CPU.
 * Tyrus uses this scheduler for nothing else.
 *
 * <p>It also runs a timer that is due at once on the caller's thread, with no task: Tyrus schedules
 * a session's idle timer with the session's idle timeout as its delay, so for ours (none) every
 * frame, pings and pongs included, scheduled a task that was due at once, was queued, handed to the
 * scheduler's thread and then found there was no timeout to check. At 19,000 idle sockets that was
 * a task and a cancelled one for each of about 850 pings and pongs a second, each stored into a
 * long-lived session (young collections then scan those sessions again).
 *
 * <p>Tyrus keeps the scheduler in a final field of its container, set from JNDI, with no setting to
 * choose another; it is replaced by reflection when the application starts, and put back when it
 * stops. Where that fails (another WebSocket implementation, another Tyrus), it says so once in the
 * log and the server's scheduler stays: everything works as before, at the old cost.
 */
@ApplicationScoped
public class SessionTimers {

  private static final Logger LOG = Logger.getLogger(SessionTimers.class.getName());
  private static final String CONTAINER = "jakarta.websocket.server.ServerContainer";
  private static final String FIELD = "managedScheduledExecutorService";

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  private Object container;
  private Field field;
  private Object original;
  private ScheduledThreadPoolExecutor scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    adopt(context.getAttribute(CONTAINER));
  }

  synchronized void adopt(Object webSocketContainer) {
    if (webSocketContainer == null) {
      LOG.info("No WebSocket container yet; sessions keep the server's scheduler for idle timers");
      return;
    }
    try {
      Field managed = find(webSocketContainer.getClass());
      managed.setAccessible(true);
      ScheduledThreadPoolExecutor plain = new DueNowInline(threadFactory);
      original = managed.get(webSocketContainer);
      managed.set(webSocketContainer, plain);
      container = webSocketContainer;
      field = managed;
      scheduler = plain;
      LOG.info("WebSocket sessions' idle timers run on a scheduler of the application's");
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.INFO,
          "WebSocket sessions keep the server's scheduler for idle timers (about half the CPU of"
              + " a socket send): {0}",
          e.toString());
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    try {
      field.set(container, original);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Could not give the WebSocket container its scheduler back", e);
    }
    scheduler.shutdown();
  }

  /**
   * A scheduler that runs what is due now on the caller's thread and returns it done; what is due
   * later waits in its queue as usual, and goes from it when cancelled.
   */
  static final class DueNowInline extends ScheduledThreadPoolExecutor {

    DueNowInline(ThreadFactory threads) {
      super(1, threads);
      setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      if (delay > 0) {
        return super.schedule(command, delay, unit);
      }
      return ranNow(new Ran<>(command, null));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      if (delay > 0) {
        return super.schedule(callable, delay, unit);
      }
      return ranNow(new Ran<>(callable));
    }

    private static <V> ScheduledFuture<V> ranNow(Ran<V> task) {
      task.run();
      return task;
    }
  }

  /** A task due at once, run on the caller's thread: done, with what it threw if anything. */
  private static final class Ran<V> extends FutureTask<V> implements ScheduledFuture<V> {

    Ran(Runnable command, V result) {
      super(command, result);
    }

    Ran(Callable<V> callable) {
      super(callable);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }
  }

  private static Field find(Class<?> type) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(FIELD) && ScheduledExecutorService.class == f.getType()) {
          return f;
        }
      }
    }
    throw new NoSuchFieldException(type.getName() + " has no field " + FIELD);
  }
}
