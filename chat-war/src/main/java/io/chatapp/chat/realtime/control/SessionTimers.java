package io.chatapp.chat.realtime.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
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
      ScheduledThreadPoolExecutor plain = new ScheduledThreadPoolExecutor(1, threadFactory);
      plain.setRemoveOnCancelPolicy(true);
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
