package io.chatapp.chat.media.entity;

import io.chatapp.chat.chats.entity.ChatId;
import java.time.Instant;

/**
 * What the local image store remembers of an image: the chat it was sent in (only its members may
 * fetch it), its format, and whether a smaller display version was made.
 */
public record MediaRecord(
    PublicId id, ChatId chatId, ImageFormat format, boolean resized, Instant createdAt) {

  public MediaRecord {
    if (id == null || chatId == null || format == null) {
      throw new IllegalArgumentException("id, chatId and format are required");
    }
  }
}
