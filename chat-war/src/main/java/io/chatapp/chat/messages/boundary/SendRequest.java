package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.object;
import static io.chatapp.chat.common.boundary.Requests.parse;
import static io.chatapp.chat.common.boundary.Requests.required;
import static io.chatapp.chat.common.boundary.Requests.string;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * A JSON send, {@code {chatId, text, clientId?, replyTo?}}, checked field by field (400 with what
 * is wrong), and the body of its 201, {@code {message}}. Read the same way by {@link
 * MessageResource#send} and {@link JsonSendFilter}.
 */
record SendRequest(
    ChatId chatId, MessageText text, Optional<ClientId> clientId, Optional<MessageId> replyTo) {

  static SendRequest read(String body) {
    JsonObject request = object(body);
    return new SendRequest(
        parse(() -> new ChatId(required(request, "chatId"))),
        parse(() -> new MessageText(string(request, "text"))),
        Optional.ofNullable(string(request, "clientId")).map(id -> parse(() -> new ClientId(id))),
        replyTo(string(request, "replyTo")));
  }

  /** The message a send replies to, if any: 400 when it is not a message id. */
  static Optional<MessageId> replyTo(String id) {
    return id == null || id.isBlank()
        ? Optional.empty()
        : Optional.of(parse(() -> new MessageId(ObjectIds.require(id.strip(), "replyTo"))));
  }

  /** Sends it as {@code sender}: the message once the pipeline has it. */
  Message sendAs(UserId sender, MessageService messages) {
    return messages.send(sender, chatId, text, clientId, replyTo);
  }

  /** The body of a send's 201. */
  static JsonObject created(Message sent) {
    return JSON.createObjectBuilder().add("message", sent.toJson()).build();
  }
}
