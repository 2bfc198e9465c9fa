package io.chatapp.platform.mongo;

/**
 * The key of the one 1:1 chat between two users in the collection {@code chats}: the two user ids
 * in order, joined by a colon, whoever started the chat. chat-war keeps it unique (so a chat exists
 * once, however many creations race) and user-war looks chats up by it (to know whom a user shares
 * a chat with); both read the same database, so both take the key from here.
 */
public final class PairKey {

  /** The field of a chat document that holds the key, under a unique index. */
  public static final String FIELD = "pairKey";

  private PairKey() {}

  public static String of(String userA, String userB) {
    return userA.compareTo(userB) <= 0 ? userA + ":" + userB : userB + ":" + userA;
  }
}
