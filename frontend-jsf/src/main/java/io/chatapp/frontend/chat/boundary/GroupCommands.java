package io.chatapp.frontend.chat.boundary;

import static io.chatapp.frontend.chat.boundary.RemoteCall.ids;
import static io.chatapp.frontend.chat.boundary.RemoteCall.json;
import static io.chatapp.frontend.chat.boundary.RemoteCall.param;
import static io.chatapp.frontend.chat.boundary.RemoteCall.reply;

import io.chatapp.frontend.backend.control.Services;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The chat page's remote commands for groups: make one, add and remove members (or leave), rename
 * it. Each goes to chat-war as the signed-in user, which decides who may do what.
 */
@Named
@RequestScoped
public class GroupCommands {

  @Inject Services services;

  /** Remote command: a group named {@code name} with the comma-separated {@code userIds}. */
  public void create() {
    String body = json(b -> b.add("name", param("name")).add("userIds", ids("userIds")));
    reply(services.session().asChatUser((chats, bearer) -> chats.newGroup(bearer, body)));
  }

  /** Remote command: admins add the comma-separated {@code userIds} to {@code chatId}. */
  public void addMembers() {
    String body = json(b -> b.add("userIds", ids("userIds")));
    reply(
        services
            .session()
            .asChatUser((chats, bearer) -> chats.addMembers(bearer, param("chatId"), body)));
  }

  /** Remote command: remove {@code userId} from {@code chatId}; one's own id leaves it. */
  public void removeMember() {
    reply(
        services
            .session()
            .asChatUser(
                (chats, bearer) -> chats.removeMember(bearer, param("chatId"), param("userId"))));
  }

  /** Remote command: admins rename {@code chatId} to {@code name}. */
  public void rename() {
    String body = json(b -> b.add("name", param("name")));
    reply(
        services
            .session()
            .asChatUser((chats, bearer) -> chats.renameGroup(bearer, param("chatId"), body)));
  }
}
