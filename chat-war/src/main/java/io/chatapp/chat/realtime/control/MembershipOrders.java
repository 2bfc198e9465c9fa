package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every instance's cache of group members ({@link ChatMembers}) true to the database: a group
 * change is an order on the {@link RealtimeBus}' channel to forget the group's members, and the
 * change returns once every instance listening confirmed it did, so a change answered to its client
 * is in force everywhere (a removed member's next frame or send is refused on any instance). When
 * an instance missed the channel for a while, it forgets every group it knew.
 */
@ApplicationScoped
public class MembershipOrders {

  private static final Logger LOG = Logger.getLogger(MembershipOrders.class.getName());

  /** How long a group change waits for every instance to confirm it forgot the old members. */
  static final Duration FORGET_WAIT = Duration.ofSeconds(2);

  /** How long an unread confirmation stays in Redis (its waiter gave up or is gone). */
  private static final Duration CONFIRMATIONS_KEPT = Duration.ofMinutes(1);

  @Inject RedisConnection redis;
  @Inject ChatMembers members;

  public MembershipOrders() {}

  /** For use outside the container (tests). */
  MembershipOrders(RedisConnection redis, ChatMembers members) {
    this.redis = redis;
    this.members = members;
  }

  /**
   * Tells every instance that a group's members changed, so that each refuses a removed member's
   * next frame or send, and returns once every instance listening has forgotten them (or after
   * {@link #FORGET_WAIT}, logged): published at once rather than through the bus' outbox, and each
   * instance confirms on a list of its own for this change. This instance forgot them already;
   * without Redis the others cannot be told, and their sockets are closed and caches cleared once
   * the channel is back ({@link #missedSome}).
   */
  public void forgetMembers(ChatId chat) {
    String confirmations = RealtimeBus.CHANNEL + ":forgot:" + UUID.randomUUID();
    String text =
        BusBatch.toAll(
                List.of(
                    BusBatch.Item.order(
                        JSON.createObjectBuilder()
                            .add("members", chat.value())
                            .add("confirmTo", confirmations)
                            .build())))
            .toText();
    try {
      long listeners = redis.call(jedis -> jedis.publish(RealtimeBus.CHANNEL, text));
      long confirmed = awaitConfirmations(confirmations, listeners);
      if (confirmed < listeners) {
        LOG.log(
            Level.WARNING,
            "Only {0} of {1} instances confirmed forgetting the members of chat {2} within {3}",
            new Object[] {confirmed, listeners, chat.value(), FORGET_WAIT});
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not tell the other instances of a group change: {0}",
          e.getMessage());
    }
  }

  /** How many of {@code expected} confirmations arrived on the list, waiting at most a while. */
  private long awaitConfirmations(String list, long expected) {
    long deadline = System.nanoTime() + FORGET_WAIT.toNanos();
    long confirmed = 0;
    while (confirmed < expected) {
      double left = (deadline - System.nanoTime()) / 1e9;
      if (left <= 0 || redis.call(jedis -> jedis.blpop(left, list)) == null) {
        break;
      }
      confirmed++;
    }
    return confirmed;
  }

  /** Confirms to the instance that made a group change that this one forgot the old members. */
  private void confirm(String list) {
    try {
      redis.call(
          jedis -> {
            jedis.rpush(list, "forgot");
            return jedis.expire(list, CONFIRMATIONS_KEPT.toSeconds());
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not confirm forgetting a group's members: {0}", e.getMessage());
    }
  }

  /** An order heard on the channel: forget the group's members, and confirm if asked to. */
  void obey(JsonObject order) {
    members.forget(new ChatId(order.getString("members")));
    if (order.containsKey("confirmTo")) {
      confirm(order.getString("confirmTo"));
    }
  }

  /** The channel was lost for a while: group changes published meanwhile were missed too. */
  void missedSome() {
    members.forgetAll();
  }
}
