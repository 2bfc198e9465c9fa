package io.chatapp.chat.common.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.common.control.DomainEvents;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TellsOthersFilterTest {

  /** The frames the request set off, still in the outbox until the test lets them out. */
  private final CompletableFuture<Void> outbox = new CompletableFuture<>();

  private final TellsOthersFilter filter = new TellsOthersFilter();

  {
    filter.events =
        new DomainEvents() {
          @Override
          public CompletableFuture<Void> handedOn() {
            return outbox;
          }
        };
  }

  @Test
  void aChangeIsAnsweredOnlyOnceItsFramesAreOut() throws Exception {
    CompletableFuture<Void> answered = answer(Response.Status.OK);

    Thread.sleep(200);
    assertThat(answered).isNotDone();
    outbox.complete(null);
    answered.get(2, TimeUnit.SECONDS);
  }

  @Test
  void aRefusalIsAnsweredAtOnce() throws Exception {
    answer(Response.Status.FORBIDDEN).get(2, TimeUnit.SECONDS);
  }

  @Test
  void aChangeWhoseFramesFailedIsStillAnswered() throws Exception {
    outbox.completeExceptionally(new IllegalStateException("Redis and the local dispatch failed"));

    answer(Response.Status.CREATED).get(2, TimeUnit.SECONDS);
  }

  /** Runs the filter over an answer with this status; completes once the filter let it go. */
  private CompletableFuture<Void> answer(Response.Status status) {
    ContainerRequestContext request = fake(ContainerRequestContext.class, "POST");
    ContainerResponseContext response = fake(ContainerResponseContext.class, status);
    return CompletableFuture.runAsync(() -> filter.filter(request, response));
  }

  /** A context answering its status, method and path; nothing else is asked of it. */
  private static <T> T fake(Class<T> type, Object answer) {
    UriInfo uri =
        (UriInfo)
            Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {UriInfo.class}, (p, m, a) -> "message/1");
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getStatusInfo", "getMethod" -> answer;
                  case "getUriInfo" -> uri;
                  default -> throw new UnsupportedOperationException(method.getName());
                }));
  }
}
