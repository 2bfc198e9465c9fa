package io.chatapp.chat.common.boundary;

import io.chatapp.chat.common.control.DomainEvents;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the answer to a {@link TellsOthers} request until the frames its change set off have left
 * this instance (published to the other instances, usually within a millisecond). Without it, an
 * instance killed between its answer and its outbox's next publish lost those frames for sockets on
 * the other instances: the sender of a page just read kept seeing ✓ until a reload. Now an answered
 * change has told the others; an unanswered one is what the client sees fail. The change itself is
 * stored before this filter runs, so a wait that fails or runs out still answers as the resource
 * did, and is logged.
 */
@Provider
@TellsOthers
public class TellsOthersFilter implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(TellsOthersFilter.class.getName());

  /**
   * The longest an answer waits for its frames. A publish to Redis fails at once when Redis is down
   * (the frames then go to this instance's sockets alone) and gives up after 2 s when it hangs.
   */
  static final Duration MAX_WAIT = Duration.ofSeconds(3);

  @Inject DomainEvents events;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
      return; // refused: nothing changed, nothing told
    }
    try {
      events.handedOn().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(
          Level.WARNING,
          "{0} {1}: its frames may not have reached the other instances: {2}",
          new Object[] {request.getMethod(), request.getUriInfo().getPath(), e.toString()});
    }
  }
}
