package io.chatapp.chat.realtime.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;

/** A group member's socket on this instance received the group's message number {@code seq}. */
public record GroupDelivery(ChatId chatId, UserId member, long seq, long sentAtMillis) {}
