package io.chatapp.user.health;

import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/** Ready when MongoDB (users), Redis (codes, limits, refresh tokens) and RabbitMQ (mail) answer. */
@ApplicationScoped
public class DependencyChecks {

  @Produces
  @Readiness
  HealthCheck mongo(MongoConnection mongo) {
    return mongo::check;
  }

  @Produces
  @Readiness
  HealthCheck redis(RedisConnection redis) {
    return redis::check;
  }

  @Produces
  @Readiness
  HealthCheck broker(BrokerConnection broker) {
    return broker::check;
  }
}
