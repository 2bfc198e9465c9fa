package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;

/**
 * Fired by the notification consumer for every message published. The WebSocket side sends {@code
 * chat:refresh {chatId, message}} to the recipient so the chat list moves and counts; when the
 * recipient is viewing that chat it marks the message read instead ({@code
 * MessageService.markRead}), which fires {@link MessagesRead}.
 */
public record MessageNotice(Message message, ChatId chatId, UserId recipientId) {}
