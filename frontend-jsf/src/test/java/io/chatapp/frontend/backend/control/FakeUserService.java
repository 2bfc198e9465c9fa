package io.chatapp.frontend.backend.control;

import io.chatapp.platform.http.ClientAddress;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The user service as the UI sees it over HTTP: answers set by the test, the cookies the UI sent
 * recorded. {@link #unreachable()} throws what the REST client throws when nothing listens.
 */
public final class FakeUserService implements UserServiceClient {

  public final List<String> refreshCookies = new CopyOnWriteArrayList<>();
  public final List<String> logoutCookies = new CopyOnWriteArrayList<>();
  private volatile Supplier<Response> refresh = () -> Response.status(401).build();
  private volatile Supplier<Response> logout = () -> Response.ok().build();

  /** The UI's services with this user service (and no chat service). */
  public Services services() {
    return new Services(this, null, new ClientAddress(" "));
  }

  /** Refreshes answer 200 with these {@code Set-Cookie} headers. */
  public FakeUserService refreshSets(String... setCookies) {
    refresh =
        () -> {
          Response.ResponseBuilder answer = Response.ok();
          for (String setCookie : setCookies) {
            answer.header("Set-Cookie", setCookie);
          }
          return answer.build();
        };
    return this;
  }

  public FakeUserService refreshAnswers(int status) {
    refresh = () -> Response.status(status).build();
    return this;
  }

  public FakeUserService unreachable() {
    refresh =
        () -> {
          throw new ProcessingException(new ConnectException("Connection refused"));
        };
    return this;
  }

  @Override
  public Response refresh(String cookie) {
    refreshCookies.add(cookie);
    return refresh.get();
  }

  @Override
  public Response logout(String cookie, String body) {
    logoutCookies.add(cookie);
    return logout.get();
  }

  @Override
  public Response login(String client, String body) {
    throw new UnsupportedOperationException("login");
  }

  @Override
  public Response verify(String client, String body) {
    throw new UnsupportedOperationException("verify");
  }

  @Override
  public Response me(String bearer) {
    throw new UnsupportedOperationException("me");
  }

  @Override
  public Response updateName(String bearer, String body) {
    throw new UnsupportedOperationException("updateName");
  }

  @Override
  public Response search(String bearer, String body) {
    throw new UnsupportedOperationException("search");
  }
}
