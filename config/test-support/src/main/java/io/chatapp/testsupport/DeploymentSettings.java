package io.chatapp.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MicroProfile Config a test deployment carries ({@link InContainer}), named by what it points
 * the service at: the settings every service reads under the same keys, and any other by name.
 */
public final class DeploymentSettings {

  private final Map<String, String> values = new LinkedHashMap<>();

  /** RabbitMQ: this virtual host. */
  public DeploymentSettings broker(BrokerVirtualHost vhost) {
    return with("rabbitmq.url", vhost.url());
  }

  /** Redis: this database of the local Redis ({@link LocalServices#redisUrl(int)}). */
  public DeploymentSettings redis(int database) {
    return with("redis.url", LocalServices.redisUrl(database));
  }

  /** MongoDB: the server at this URI, database {@code chat}. */
  public DeploymentSettings mongo(String uri) {
    return with("mongodb.uri", uri).with("mongodb.database", "chat");
  }

  /** Access tokens are verified with this pair's public key. */
  public DeploymentSettings verifying(TestTokens tokens) {
    return with("jwt.public.key", tokens.publicKeyPem());
  }

  /** The web UI's origin: the one whose pages may make changes with a cookie login. */
  public DeploymentSettings webUi(String origin) {
    return with("frontend.url", origin).with("http.allowed-origins", origin);
  }

  public DeploymentSettings with(String key, String value) {
    values.put(key, value);
    return this;
  }

  Map<String, String> values() {
    return Map.copyOf(values);
  }
}
