package io.chatapp.chat.realtime.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.messages.entity.MessageDeleted;
import io.chatapp.chat.messages.entity.MessageEdited;
import io.chatapp.chat.messages.entity.ReactionsChanged;
import io.chatapp.chat.realtime.control.RealtimeBus;
import io.chatapp.chat.realtime.entity.Frame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Changes to sent messages as frames, for every socket of every member of the chat on any instance
 * (through {@link RealtimeBus}, as {@code message:new} travels): {@code message:edited}, {@code
 * message:deleted} and {@code message:reaction}. Like every real-time frame they are not kept; a
 * client that was away reads the history again.
 */
@ApplicationScoped
public class MessageChangeRelay {

  @Inject RealtimeBus bus;

  void edited(@Observes MessageEdited event) {
    bus.toUsers(
        event.members(),
        Frame.of(
            "message:edited",
            JSON.createObjectBuilder()
                .add("chatId", event.message().chatId().value())
                .add("message", MessageJson.of(event.message()))
                .build()));
  }

  void deleted(@Observes MessageDeleted event) {
    bus.toUsers(
        event.members(),
        Frame.of(
            "message:deleted",
            JSON.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("messageId", event.messageId().value())
                .build()));
  }

  void reactions(@Observes ReactionsChanged event) {
    bus.toUsers(
        event.members(),
        Frame.of(
            "message:reaction",
            JSON.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("messageId", event.messageId().value())
                .add("reactions", MessageJson.reactions(event.reactions()))
                .build()));
  }
}
