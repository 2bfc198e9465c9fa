package io.chatapp.frontend.backend.control;

import io.chatapp.platform.http.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** The REST clients of the user and chat services, built once from configuration. */
@ApplicationScoped
public class Services {

  @Inject
  @ConfigProperty(name = "user.service.url", defaultValue = "http://localhost:3000")
  String userServiceUrl;

  @Inject
  @ConfigProperty(name = "chat.service.url", defaultValue = "http://localhost:3002")
  String chatServiceUrl;

  @Inject ClientAddress clients;

  private UserServiceClient users;
  private ChatServiceClient chats;

  public Services() {}

  /** With the clients given (tests outside the container). */
  Services(UserServiceClient users, ChatServiceClient chats, ClientAddress clients) {
    this.users = users;
    this.chats = chats;
    this.clients = clients;
  }

  @PostConstruct
  void build() {
    users = client(userServiceUrl, UserServiceClient.class);
    chats = client(chatServiceUrl, ChatServiceClient.class);
  }

  /**
   * The session of the browser behind this servlet request: one per request, so that the session
   * filter and the page's action share what a refresh changed (a second refresh with the refresh
   * token the first one used up would look like a stolen token and end every session).
   */
  public BrowserSession session(HttpServletRequest request, HttpServletResponse response) {
    Object known = request.getAttribute(BrowserSession.class.getName());
    if (known instanceof BrowserSession session) {
      return session;
    }
    BrowserSession session =
        new BrowserSession(users, chats, request, response, clients.of(request));
    request.setAttribute(BrowserSession.class.getName(), session);
    return session;
  }

  /** The session of the browser behind the current Faces request. */
  public BrowserSession session() {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    return session(
        (HttpServletRequest) context.getRequest(), (HttpServletResponse) context.getResponse());
  }

  private static <T> T client(String baseUrl, Class<T> type) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(baseUrl))
        .connectTimeout(3, TimeUnit.SECONDS)
        .readTimeout(10, TimeUnit.SECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(type);
  }
}
