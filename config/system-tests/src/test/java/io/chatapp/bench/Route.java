package io.chatapp.bench;

import java.net.URI;

/**
 * Where one sender of the benchmark posts: into a chat, on the sender's instance. {@code slot} is
 * the sender's place among the chat's members as the {@link Ledger} counts them (always 0 in a 1:1
 * chat, whose only recipient has slot 0 too; in a group, the member's index), so that the sender's
 * own copy of its message is not taken for a delivery.
 */
record Route(Member sender, int slot, String chatId, URI messageUri) {

  /** The route of {@code sender} into {@code chatId}, posting to the sender's instance. */
  static Route of(Member sender, int slot, String chatId) {
    return new Route(sender, slot, chatId, URI.create(sender.chatUrl() + "/api/v1/message"));
  }
}
