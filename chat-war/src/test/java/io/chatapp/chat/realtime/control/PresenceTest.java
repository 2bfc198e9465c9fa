package io.chatapp.chat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.redis.RedisConnection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Presence and viewing on the real Redis, as two chat-war instances share them: in a namespace of
 * this run's own, so a stack running beside the tests is not disturbed.
 */
class PresenceTest {

  private final String namespace = "test-" + UUID.randomUUID() + ":";
  private final RedisConnection redis = new RedisConnection(ChatHarness.redisUrl());
  private final Presence first = new Presence(redis, namespace);
  private final Presence second = new Presence(redis, namespace);
  private final Viewing viewing = new Viewing(redis, namespace);
  private final UserId ann = new UserId(new ObjectId().toHexString());
  private final UserId bob = new UserId(new ObjectId().toHexString());

  @AfterEach
  void clean() {
    redis.call(
        jedis -> {
          jedis.keys(namespace + "*").forEach(jedis::del);
          return null;
        });
    redis.close();
  }

  @Test
  void aUserIsOnlineFromTheFirstSocketAnywhereToTheLastOne() {
    first.heartbeat();
    second.heartbeat();
    assertThat(first.connected(ann, 20)).isEqualTo(Presence.Arrival.CAME_ONLINE);
    assertThat(second.connected(ann, 20)).isEqualTo(Presence.Arrival.WAS_ONLINE);
    assertThat(first.connected(ann, 20)).isEqualTo(Presence.Arrival.WAS_ONLINE);
    assertThat(second.online(List.of(ann, bob))).containsExactly(ann);

    assertThat(first.disconnected(ann)).isFalse();
    assertThat(second.disconnected(ann)).isFalse();
    assertThat(first.isOnline(ann)).isTrue();
    assertThat(first.disconnected(ann)).as("the last socket closed").isTrue();
    assertThat(second.isOnline(ann)).isFalse();
  }

  @Test
  void theSocketBoundCountsEveryInstance() {
    first.heartbeat();
    second.heartbeat();
    assertThat(first.connected(ann, 3)).isEqualTo(Presence.Arrival.CAME_ONLINE);
    assertThat(second.connected(ann, 3)).isEqualTo(Presence.Arrival.WAS_ONLINE);
    assertThat(second.connected(ann, 3)).isEqualTo(Presence.Arrival.WAS_ONLINE);
    assertThat(first.connected(ann, 3)).isEqualTo(Presence.Arrival.REFUSED);
    assertThat(first.connected(bob, 3))
        .as("others are not affected")
        .isEqualTo(Presence.Arrival.CAME_ONLINE);
    second.disconnected(ann);
    assertThat(first.connected(ann, 3))
        .as("a place came free")
        .isEqualTo(Presence.Arrival.WAS_ONLINE);
  }

  @Test
  void theUsersOfAnInstanceThatStoppedRefreshingGoOfflineOnceSwept() {
    first.heartbeat();
    second.heartbeat();
    first.connected(ann, 20);
    second.connected(ann, 20);
    second.connected(bob, 20);
    ChatId chat = new ChatId(new ObjectId().toHexString());
    viewing.viewing(bob, second.instance() + ":socket-1", chat);
    assertThat(viewing.isViewing(bob, chat)).isTrue();
    assertThat(viewing.viewers(Map.of(chat, java.util.Set.of(ann, bob))))
        .isEqualTo(Map.of(chat, java.util.Set.of(bob)));

    expire(second);
    assertThat(first.isOnline(bob)).as("an expired instance counts for nothing").isFalse();
    assertThat(viewing.isViewing(bob, chat)).isFalse();
    assertThat(viewing.viewers(Map.of(chat, java.util.Set.of(ann, bob)))).isEmpty();
    assertThat(first.sweep(10_000)).containsExactly(bob);
    assertThat(first.isOnline(ann)).as("still on the live instance").isTrue();
    assertThat(first.sweep(10_000)).as("one sweeper per period, one burial per instance").isEmpty();
    java.util.Set<String> left =
        redis.call(jedis -> jedis.hkeys(namespace + "viewing:" + bob.value()));
    assertThat(left).isEmpty();
  }

  @Test
  void anInstanceRedisForgotIsToldSoAndCountsItsSocketsAgain() {
    first.heartbeat();
    first.connected(ann, 20);
    first.connected(bob, 20);
    redis.call(
        jedis -> {
          jedis.keys(namespace + "*").forEach(jedis::del);
          return null;
        });
    assertThat(first.heartbeat()).as("Redis lost the instance").isFalse();
    assertThat(first.isOnline(ann)).isFalse();

    assertThat(first.recount(Map.of(ann, 2))).isEmpty();
    assertThat(first.heartbeat()).isTrue();
    assertThat(first.online(List.of(ann, bob))).containsExactly(ann);
    assertThat(first.disconnected(ann)).isFalse();
    assertThat(first.disconnected(ann)).isTrue();
  }

  @Test
  void aRecountDropsTheSocketsThatClosedWhileRedisWasAway() {
    first.heartbeat();
    first.connected(ann, 20);
    first.connected(bob, 20);
    ChatId chat = new ChatId(new ObjectId().toHexString());
    viewing.viewing(bob, first.instance() + ":socket-1", chat);

    assertThat(first.recount(Map.of(ann, 1))).containsExactly(bob);
    viewing.rewrite(first.instance(), Map.of(bob, Map.of()));
    assertThat(first.online(List.of(ann, bob))).containsExactly(ann);
    assertThat(viewing.isViewing(bob, chat)).isFalse();
  }

  /** The instance's expiry as it is once it stopped refreshing it for longer than its TTL. */
  private void expire(Presence instance) {
    redis.call(
        jedis ->
            jedis.zadd(
                Presence.instancesKey(namespace),
                System.currentTimeMillis() - 1,
                instance.instance()));
  }
}
