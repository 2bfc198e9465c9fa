package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;

/**
 * A group's message number {@code seq}, sent at {@code sentAt}, reached a socket of {@code member}.
 */
public record MemberDelivery(ChatId chatId, UserId member, long seq, Instant sentAt) {}
