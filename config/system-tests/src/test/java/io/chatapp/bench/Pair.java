package io.chatapp.bench;

import io.chatapp.system.chat.ChatClient;

/**
 * A 1:1 chat of the benchmark: its sender posts (to the sender's instance), its recipient's socket
 * (maybe on another instance) is where delivery is timed.
 */
record Pair(Member sender, Member recipient, Route route) {

  /** Starts the chat between the two, as the sender. */
  static Pair start(Member sender, Member recipient) throws Exception {
    ChatClient.Response chat =
        ChatClient.startChat(sender.chatUrl(), sender.token(), recipient.id());
    if (chat.status() != 200 && chat.status() != 201) {
      throw new IllegalStateException("chat/new answered " + chat.status() + ": " + chat.body());
    }
    return new Pair(sender, recipient, Route.of(sender, 0, chat.json().getString("chatId")));
  }

  String chatId() {
    return route.chatId();
  }
}
