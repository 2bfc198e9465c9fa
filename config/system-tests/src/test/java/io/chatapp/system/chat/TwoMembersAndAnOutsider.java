package io.chatapp.system.chat;

import org.junit.jupiter.api.BeforeAll;

/** Tests of one fresh chat: Ann and Bob are its members, Eve is in no chat with them. */
abstract class TwoMembersAndAnOutsider {

  static ChatClient ann;
  static ChatClient bob;
  static ChatClient eve;
  static String chatId;

  @BeforeAll
  static void cast() throws Exception {
    ann = ChatClient.newUser();
    bob = ChatClient.newUser();
    eve = ChatClient.newUser();
    ChatClient.Response created = ann.startChat(bob);
    if (created.status() != 201) {
      throw new AssertionError("chat/new answered " + created.status() + ": " + created.body());
    }
    chatId = created.json().getString("chatId");
  }
}
