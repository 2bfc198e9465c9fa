package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;

/**
 * A stored message the recipient is not looking at: the WebSocket side sends {@code chat:refresh
 * {chatId, message}} to the recipient's sockets so the chat list moves and counts.
 */
public record ChatRefresh(Message message, UserId recipientId) {}
