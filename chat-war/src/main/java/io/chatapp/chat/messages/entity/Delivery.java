package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;

/**
 * A 1:1 message, sent at {@code sentAt}, reached a socket of its recipient; {@code readOnArrival}
 * when it was stored read (the recipient was looking at the chat), so that it needs no ✓✓ mark.
 */
public record Delivery(
    MessageId messageId, ChatId chatId, UserId senderId, Instant sentAt, boolean readOnArrival) {}
