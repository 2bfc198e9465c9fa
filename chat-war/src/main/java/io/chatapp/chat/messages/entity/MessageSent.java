package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;

/**
 * Fired by the delivery step for every message stored. The WebSocket side sends {@code message:new
 * {message, chatId, senderId}} to every session of the recipient (and the sender's other sessions).
 * A redelivery may fire it twice; clients de-duplicate by {@code message._id}.
 */
public record MessageSent(Message message, ChatId chatId, UserId senderId, UserId recipientId) {}
