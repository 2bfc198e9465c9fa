package io.chatapp.chat.realtime.control;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.params.SetParams;

/**
 * Who is online, shared by every chat-war instance in Redis, at a cost per socket event and per
 * instance, never per socket pair or per socket per period:
 *
 * <ul>
 *   <li>{@code presence:user:<userId>}: a hash of instance id to how many sockets the user has open
 *       there;
 *   <li>{@code presence:instance:<instance>}: the users with a socket on that instance;
 *   <li>{@code presence:instances}: each live instance, scored by when it expires. An instance
 *       pushes its own expiry forward with one command every few seconds; a crashed one stops, and
 *       the {@link #sweep} of any other instance then takes its users offline.
 * </ul>
 *
 * A user is online while a live instance counts a socket of theirs. Each write is one script, so
 * two instances never disagree on who came online or went offline last ({@link PresenceScripts}).
 */
@ApplicationScoped
public class Presence {

  static final long TTL_MILLIS = 30_000;

  @Inject RedisConnection redis;

  private final String instance = UUID.randomUUID().toString();
  private final AtomicBoolean missed = new AtomicBoolean();
  private final String namespace;
  private final String instances;

  public Presence() {
    this("");
  }

  /** Outside the container, with every key prefixed by {@code namespace} (tests). */
  public Presence(RedisConnection redis, String namespace) {
    this(namespace);
    this.redis = redis;
  }

  private Presence(String namespace) {
    this.namespace = namespace;
    this.instances = instancesKey(namespace);
  }

  /** The live instances and when each expires, for keys prefixed by {@code namespace}. */
  static String instancesKey(String namespace) {
    return namespace + "presence:instances";
  }

  /** This instance's id: the prefix of its sockets' keys. */
  public String instance() {
    return instance;
  }

  /** A socket's key across instances: this instance's id, then the socket's own. */
  String socketKey(Peer peer) {
    return instance + ":" + peer.id();
  }

  /**
   * Redis missed a change of this instance's sockets (a count or a chat viewed): the next upkeep
   * writes their state anew ({@link #takeMissedChange}).
   */
  void missedChange() {
    missed.set(true);
  }

  /** Whether a change was missed since the last call, which clears it. */
  boolean takeMissedChange() {
    return missed.getAndSet(false);
  }

  /** What {@link #connected} made of a new socket. */
  public enum Arrival {
    /** The user's first socket anywhere. */
    CAME_ONLINE,
    /** The user was online already. */
    WAS_ONLINE,
    /** The user holds the most sockets allowed; this one is not counted. */
    REFUSED
  }

  /** Counts a new socket of the user's, unless they already hold {@code maxSockets}. */
  public Arrival connected(UserId user, int maxSockets) {
    long before =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        PresenceScripts.CONNECT,
                        List.of(userKey(user.value()), instanceKey(instance), instances),
                        List.of(
                            instance,
                            user.value(),
                            "" + System.currentTimeMillis(),
                            "" + maxSockets)));
    return before < 0 ? Arrival.REFUSED : before == 0 ? Arrival.CAME_ONLINE : Arrival.WAS_ONLINE;
  }

  /** Uncounts a socket; true when the user has no socket left anywhere. */
  public boolean disconnected(UserId user) {
    long after =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        PresenceScripts.DISCONNECT,
                        List.of(userKey(user.value()), instanceKey(instance), instances),
                        List.of(instance, user.value(), "" + System.currentTimeMillis())));
    return after == 0;
  }

  /**
   * Keeps this instance alive for another {@link #TTL_MILLIS}: one command whatever the number of
   * sockets. False when Redis did not know the instance (it lost its data, or the instance was
   * swept while it stalled): then its sockets must be counted again ({@link #recount}).
   */
  public boolean heartbeat() {
    long added =
        redis.call(
            jedis -> jedis.zadd(instances, System.currentTimeMillis() + TTL_MILLIS, instance));
    return added == 0;
  }

  /**
   * Writes this instance's counts as they really are, in one pipeline: after Redis lost them, or
   * after a socket closed while Redis was away. Returns the users it had counted here and no longer
   * does.
   */
  public List<UserId> recount(Map<UserId, Integer> socketsByUser) {
    return redis.call(
        jedis -> {
          List<UserId> gone = new ArrayList<>();
          try (var pipeline = jedis.pipelined()) {
            for (String user : jedis.smembers(instanceKey(instance))) {
              if (!socketsByUser.containsKey(new UserId(user))) {
                pipeline.hdel(userKey(user), instance);
                pipeline.srem(instanceKey(instance), user);
                gone.add(new UserId(user));
              }
            }
            socketsByUser.forEach(
                (user, count) -> {
                  pipeline.hset(userKey(user.value()), instance, "" + count);
                  pipeline.sadd(instanceKey(instance), user.value());
                });
            pipeline.zadd(instances, System.currentTimeMillis() + TTL_MILLIS, instance);
            pipeline.sync();
          }
          return gone;
        });
  }

  /**
   * Takes the sockets of instances that stopped refreshing themselves out, from one instance at a
   * time ({@code presence:sweeper} is held for the period); the users who went offline.
   */
  public List<UserId> sweep(long periodMillis) {
    return redis.call(
        jedis -> {
          if (jedis.set(
                  namespace + "presence:sweeper",
                  instance,
                  SetParams.setParams().nx().px(periodMillis))
              == null) {
            return List.of();
          }
          long now = System.currentTimeMillis();
          List<UserId> gone = new ArrayList<>();
          for (String dead : jedis.zrangeByScore(instances, Double.NEGATIVE_INFINITY, now)) {
            Object users =
                jedis.eval(
                    PresenceScripts.BURY,
                    List.of(instances, instanceKey(dead)),
                    List.of(dead, "" + now, namespace));
            for (Object user : (List<?>) users) {
              gone.add(new UserId(user.toString()));
            }
          }
          return gone;
        });
  }

  /** Those of the users who are online now. */
  public List<UserId> online(Collection<UserId> users) {
    if (users.isEmpty()) {
      return List.of();
    }
    List<UserId> asked = List.copyOf(users);
    List<?> flags =
        redis.call(
            jedis ->
                (List<?>)
                    jedis.eval(
                        PresenceScripts.ONLINE,
                        asked.stream().map(user -> userKey(user.value())).toList(),
                        List.of("" + System.currentTimeMillis(), instances)));
    List<UserId> online = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      if (((Long) flags.get(i)) == 1) {
        online.add(asked.get(i));
      }
    }
    return online;
  }

  public boolean isOnline(UserId user) {
    return !online(List.of(user)).isEmpty();
  }

  private String userKey(String userId) {
    return namespace + "presence:user:" + userId;
  }

  private String instanceKey(String instance) {
    return namespace + "presence:instance:" + instance;
  }
}
