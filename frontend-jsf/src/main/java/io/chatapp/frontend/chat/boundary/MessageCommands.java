package io.chatapp.frontend.chat.boundary;

import static io.chatapp.frontend.chat.boundary.RemoteCall.json;
import static io.chatapp.frontend.chat.boundary.RemoteCall.param;
import static io.chatapp.frontend.chat.boundary.RemoteCall.reply;

import io.chatapp.frontend.backend.control.Answer;
import io.chatapp.frontend.backend.control.MessageEdits;
import io.chatapp.frontend.backend.control.Services;
import io.chatapp.platform.auth.TokenVerifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The chat page's remote commands on one message: edit and delete one's own, react to any. chat-war
 * decides who may (the sender, within its edit window; members only).
 */
@Named
@RequestScoped
public class MessageCommands {

  @Inject Services services;
  @Inject MessageEdits edits;
  @Inject TokenVerifier verifier;

  /** Remote command: {@code messageId} gets the new {@code text}. */
  public void edit() {
    String body = json(b -> b.add("text", param("text")));
    reply(
        services
            .session()
            .bearer(verifier)
            .map(bearer -> edits.edit(bearer, param("messageId"), body))
            .orElse(Answer.ended()));
  }

  /** Remote command: {@code messageId} deleted for everyone. */
  public void delete() {
    reply(
        services
            .session()
            .asChatUser((chats, bearer) -> chats.deleteMessage(bearer, param("messageId"))));
  }

  /** Remote command: toggles the caller's {@code emoji} on {@code messageId}. */
  public void react() {
    String body = json(b -> b.add("emoji", param("emoji")));
    reply(
        services
            .session()
            .asChatUser((chats, bearer) -> chats.react(bearer, param("messageId"), body)));
  }
}
