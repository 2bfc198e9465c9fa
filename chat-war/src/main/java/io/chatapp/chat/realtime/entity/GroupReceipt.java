package io.chatapp.chat.realtime.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * A new group message numbered {@code seq}, sent at {@code sentAtMillis} to {@code recipients}: the
 * instance holding a recipient's socket moves that member's delivered position.
 */
public record GroupReceipt(String chatId, long seq, List<UserId> recipients, long sentAtMillis) {

  public GroupReceipt {
    recipients = List.copyOf(recipients);
  }
}
