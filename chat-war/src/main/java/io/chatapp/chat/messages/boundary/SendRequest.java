package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.ErrorBody;
import io.chatapp.platform.rest.JsonBodyLimits;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * A JSON send, {@code {chatId, text, clientId?, replyTo?}}, checked field by field (400 with what
 * is wrong), and the body of its 201, {@code {message}}. Read the same way by {@link
 * MessageResource#send} and {@link JsonSendFilter}. It is the one request body read by hand rather
 * than bound to a record by JSON-B: the filter serves the sends ahead of JAX-RS, whose own work
 * around each send was about 30 % of chat-war's CPU at 1,000 sends a second, and the resource reads
 * it the same way so that both answer the same input alike.
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
    return JSON.createObjectBuilder().add("message", MessageJson.of(sent)).build();
  }

  /**
   * The body, which must be a JSON object: an empty body, a JSON array or broken JSON is a 400 like
   * any other bad input.
   */
  private static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw Refusal.badRequest(ErrorBody.BODY_REQUIRED);
    }
    JsonBodyLimits.requireShallow(body);
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw Refusal.badRequest("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw Refusal.badRequest("The request body is not valid JSON");
    }
  }

  /** A string field; null when absent or null, 400 when of another type. */
  private static String string(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw Refusal.badRequest(name + " has a value that is not a string");
    }
    return body.getString(name);
  }

  /** A string field that must be there. */
  private static String required(JsonObject body, String name) {
    String value = string(body, name);
    if (value == null) {
      throw Refusal.badRequest(name + " is required");
    }
    return value;
  }
}
