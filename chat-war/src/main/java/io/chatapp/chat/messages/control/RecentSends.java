package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatSequence;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sends with a client id of the last {@code messages.client-id-minutes}: which message id each
 * was given, so that a retry gets the same message and never a second one. A send claims {@code
 * chat:send:<hash of chat, sender and client id>} in Redis ({@code SET NX}, expiring with the
 * window) in the round trip that numbers it ({@link ChatSequence}).
 *
 * <p>Only a retry then looks the message up in the database. (Looking up every send held the HTTP
 * threads at about 640 sends a second, each waiting about 50 ms on the busy embedded server.) And a
 * message sent with a client id gets a fresh id, ascending like every other: an id derived from the
 * client id (as before) landed each insert in a random place of the messages' data and index.
 *
 * <p>A retry later than the window, or after Redis lost its keys, is a new send, as with any
 * idempotency key that expires. Redis holds one small key per send of the window: about 100 bytes,
 * 9 MB for 15 minutes at 100 sends a second.
 */
@ApplicationScoped
public class RecentSends {

  @Inject
  @ConfigProperty(name = "messages.client-id-minutes", defaultValue = "15")
  long minutes;

  @Inject RedisConnection redis;

  public RecentSends() {}

  /** For use outside the container (tests, benchmarks). */
  public RecentSends(RedisConnection redis, long minutes) {
    this.redis = redis;
    this.minutes = minutes;
  }

  /**
   * The claim that remembers {@code id} as the one given to this send of the sender's into the
   * chat, for the window, unless an earlier send with this client id was given one: made by {@link
   * ChatSequence#next(ChatId, java.util.Optional)} in the round trip that numbers the send.
   */
  public ChatSequence.Claim claim(ChatId chat, UserId sender, ClientId clientId, MessageId id) {
    return new ChatSequence.Claim(key(chat, sender, clientId), id.value(), minutes * 60);
  }

  /**
   * The id an earlier send of the sender's into the chat with this client id was given within the
   * window, if any; a look only, claiming nothing. For a retry refused before its claim is made: a
   * reply whose original was deleted since the first try.
   */
  public Optional<MessageId> earlier(ChatId chat, UserId sender, ClientId clientId) {
    return Optional.ofNullable(redis.call(jedis -> jedis.get(key(chat, sender, clientId))))
        .map(MessageId::new);
  }

  static String key(ChatId chat, UserId sender, ClientId clientId) {
    return "chat:send:"
        + ObjectIds.derived(chat.value() + ":" + sender.value() + ":" + clientId.value());
  }
}
