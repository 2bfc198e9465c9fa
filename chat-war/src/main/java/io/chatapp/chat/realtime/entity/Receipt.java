package io.chatapp.chat.realtime.entity;

import io.chatapp.chat.users.entity.UserId;

/**
 * A new 1:1 message, sent at {@code sentAtMillis}, whose arrival at its recipient's socket is
 * reported by the instance holding it: how late it is, and that it was delivered unless it was
 * {@code read} already.
 */
public record Receipt(
    String messageId,
    String chatId,
    UserId recipient,
    UserId sender,
    long sentAtMillis,
    boolean read) {}
