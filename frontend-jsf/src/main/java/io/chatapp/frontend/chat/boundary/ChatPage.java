package io.chatapp.frontend.chat.boundary;

import static io.chatapp.frontend.chat.boundary.RemoteCall.json;
import static io.chatapp.frontend.chat.boundary.RemoteCall.param;
import static io.chatapp.frontend.chat.boundary.RemoteCall.reply;

import io.chatapp.frontend.backend.control.Answer;
import io.chatapp.frontend.backend.control.BrowserSession;
import io.chatapp.frontend.backend.control.Services;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat page's server side. The page's script calls these through {@code p:remoteCommand}s; each
 * call is made to the user or chat service with the browser's own token, and its answer (status and
 * JSON) goes back to the script as callback parameters, tagged with the script's call id ({@link
 * RemoteCall}); groups are {@link GroupCommands}, a message's edit, delete and reactions {@link
 * MessageCommands}. Everything live (new messages, typing, presence) comes over chat-war's
 * WebSocket. Renewing and ending the session are not here: the page's requests do not carry the
 * refresh token, which the browser sends only to {@code SessionServlet}.
 */
@Named
@RequestScoped
public class ChatPage {

  @Inject Services services;

  @Inject
  @ConfigProperty(name = "chat.public.url", defaultValue = "http://localhost:3002")
  String chatPublicUrl;

  /** The WebSocket address the browser connects to. */
  public String getSocketUrl() {
    return chatPublicUrl.replaceFirst("^http", "ws") + "/ws";
  }

  /** The signed-in user, as JSON for the script. */
  public String getMeJson() {
    Answer me = services.session().asUser((users, bearer) -> users.me(bearer));
    return me.ok() ? me.body() : "null";
  }

  /** Remote command: the caller's chats. */
  public void chats() {
    reply(session().asChatUser((chats, bearer) -> chats.chats(bearer)));
  }

  /** Remote command: a page of messages ({@code chatId}, optional {@code before}). */
  public void messages() {
    String before = blankToNull(param("before"));
    reply(
        session()
            .asChatUser((chats, bearer) -> chats.messages(bearer, param("chatId"), before, null)));
  }

  /**
   * Remote command: send a text message ({@code chatId}, {@code text}, {@code clientId}, and {@code
   * replyTo} when it answers one).
   */
  public void send() {
    String replyTo = param("replyTo");
    String body =
        json(
            b -> {
              b.add("chatId", param("chatId"))
                  .add("text", param("text"))
                  .add("clientId", param("clientId"));
              return replyTo.isBlank() ? b : b.add("replyTo", replyTo);
            });
    reply(session().asChatUser((chats, bearer) -> chats.send(bearer, body)));
  }

  /** Remote command: open (or create) the chat with {@code otherUserId}. */
  public void newChat() {
    String body = json(b -> b.add("otherUserId", param("otherUserId")));
    reply(session().asChatUser((chats, bearer) -> chats.newChat(bearer, body)));
  }

  /** Remote command: search users by a part of a name or a whole email ({@code q}). */
  public void searchUsers() {
    String body = json(b -> b.add("q", param("q")).add("limit", 20));
    reply(session().asUser((users, bearer) -> users.search(bearer, body)));
  }

  /** Remote command: change the display name ({@code name}). */
  public void rename() {
    String body = json(b -> b.add("name", param("name")));
    reply(session().asUser((users, bearer) -> users.updateName(bearer, body)));
  }

  private BrowserSession session() {
    return services.session();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
