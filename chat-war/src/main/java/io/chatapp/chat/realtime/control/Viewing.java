package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Response;

/**
 * Which chat each socket has open on screen, in Redis so that the instance that handles a new
 * message knows it even when the recipient's socket is on another instance: {@code
 * viewing:<userId>} maps a socket key ({@code <instance>:<socket>}) to a chat id. An entry counts
 * only while its instance is live in {@link Presence}, whose sweep removes a dead instance's
 * entries; a live instance removes its own when the socket stops viewing or closes.
 */
@ApplicationScoped
public class Viewing {

  /** Whether a socket of a live instance shows the chat. */
  private static final String IS_VIEWING =
      """
      local now = tonumber(ARGV[2])
      local entries = redis.call('HGETALL', KEYS[1])
      for i = 1, #entries, 2 do
        if entries[i + 1] == ARGV[1] then
          local instance = string.sub(entries[i], 1, string.find(entries[i], ':', 1, true) - 1)
          local expiry = redis.call('ZSCORE', KEYS[2], instance)
          if expiry and tonumber(expiry) > now then return 1 end
        end
      end
      return 0
      """;

  @Inject RedisConnection redis;

  private final String namespace;

  public Viewing() {
    this.namespace = "";
  }

  public Viewing(RedisConnection redis) {
    this(redis, "");
  }

  /** Outside the container, with every key prefixed by {@code namespace} (tests). */
  public Viewing(RedisConnection redis, String namespace) {
    this.redis = redis;
    this.namespace = namespace;
  }

  public void viewing(UserId user, String socketKey, ChatId chat) {
    redis.call(jedis -> jedis.hset(key(user), socketKey, chat.value()));
  }

  public void notViewing(UserId user, String socketKey) {
    redis.call(jedis -> jedis.hdel(key(user), socketKey));
  }

  /** Whether any socket of the user shows the chat right now. */
  public boolean isViewing(UserId user, ChatId chat) {
    return viewers(Map.of(chat, Set.of(user))).containsKey(chat);
  }

  /**
   * Which of these users look at which of these chats right now: one round trip for all of them.
   * {@code wanted} maps each chat to the users asked about in it.
   */
  public Map<ChatId, Set<UserId>> viewers(Map<ChatId, Set<UserId>> wanted) {
    String now = "" + System.currentTimeMillis();
    Map<ChatId, Set<UserId>> viewers = new HashMap<>();
    redis.call(
        jedis -> {
          Map<ChatId, Map<UserId, Response<Object>>> answers = new HashMap<>();
          try (var pipeline = jedis.pipelined()) {
            wanted.forEach(
                (chat, users) ->
                    users.forEach(
                        user ->
                            answers
                                .computeIfAbsent(chat, c -> new HashMap<>())
                                .put(
                                    user,
                                    pipeline.eval(
                                        IS_VIEWING,
                                        List.of(key(user), Presence.instancesKey(namespace)),
                                        List.of(chat.value(), now)))));
            pipeline.sync();
          }
          answers.forEach(
              (chat, byUser) ->
                  byUser.forEach(
                      (user, answer) -> {
                        if (Long.valueOf(1).equals(answer.get())) {
                          viewers.computeIfAbsent(chat, c -> new HashSet<>()).add(user);
                        }
                      }));
          return null;
        });
    return viewers;
  }

  /**
   * Writes what this instance's sockets view as it really is, in one pipeline, for the users with
   * sockets here and those that had some: after Redis lost it, or after a socket closed while Redis
   * was away. {@code views} maps each user to their sockets' keys and chats.
   */
  public void rewrite(String instance, Map<UserId, Map<String, ChatId>> views) {
    redis.call(
        jedis -> {
          String prefix = instance + ":";
          for (var entry : views.entrySet()) {
            String key = key(entry.getKey());
            List<String> stale =
                jedis.hkeys(key).stream()
                    .filter(socket -> socket.startsWith(prefix))
                    .filter(socket -> !entry.getValue().containsKey(socket))
                    .toList();
            try (var pipeline = jedis.pipelined()) {
              if (!stale.isEmpty()) {
                pipeline.hdel(key, stale.toArray(String[]::new));
              }
              entry.getValue().forEach((socket, chat) -> pipeline.hset(key, socket, chat.value()));
              pipeline.sync();
            }
          }
          return null;
        });
  }

  private String key(UserId user) {
    return namespace + "viewing:" + user.value();
  }
}
