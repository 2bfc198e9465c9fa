package io.chatapp.chat.chats.entity;

import io.chatapp.chat.users.entity.UserId;

/**
 * A new 1:1 chat exists. The WebSocket side sends {@code chat:new {chatId, createdBy}} to every
 * session of {@code otherUserId}.
 */
public record ChatCreated(ChatId chatId, UserId createdBy, UserId otherUserId) {}
