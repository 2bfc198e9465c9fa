package io.chatapp.platform.redis;

import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;

/**
 * Follows one Redis pub/sub channel on a thread of its own until stopped, subscribing again two
 * seconds after the connection was lost. {@code onSubscribed} runs each time the subscription
 * (again) stands, so a follower can read what it missed meanwhile.
 */
public final class ChannelFollower {

  private static final Logger LOG = Logger.getLogger(ChannelFollower.class.getName());

  private final RedisConnection redis;
  private final String channel;
  private final Runnable onSubscribed;
  private final Consumer<String> onMessage;
  private volatile boolean running;
  private volatile JedisPubSub subscriber;

  public ChannelFollower(
      RedisConnection redis, String channel, Runnable onSubscribed, Consumer<String> onMessage) {
    this.redis = redis;
    this.channel = channel;
    this.onSubscribed = onSubscribed;
    this.onMessage = onMessage;
  }

  /** Starts following on a thread of {@code threads}, named {@code name}. */
  public synchronized void start(ThreadFactory threads, String name) {
    if (running) {
      return;
    }
    running = true;
    Thread thread = threads.newThread(this::follow);
    thread.setName(name);
    thread.start();
  }

  public void stop() {
    running = false;
    JedisPubSub current = subscriber;
    if (current != null && current.isSubscribed()) {
      current.unsubscribe();
    }
  }

  private void follow() {
    while (running) {
      try {
        subscriber =
            new JedisPubSub() {
              @Override
              public void onSubscribe(String subscribed, int count) {
                onSubscribed.run();
              }

              @Override
              public void onMessage(String from, String message) {
                onMessage.accept(message);
              }
            };
        redis.call(
            jedis -> {
              jedis.subscribe(subscriber, channel);
              return null;
            });
      } catch (RuntimeException e) {
        if (running) {
          LOG.log(
              Level.WARNING,
              "Lost the Redis channel {0}, subscribing again: {1}",
              new Object[] {channel, e.getMessage()});
          try {
            Thread.sleep(2000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }
}
