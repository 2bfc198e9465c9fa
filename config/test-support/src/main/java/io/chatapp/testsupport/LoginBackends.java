package io.chatapp.testsupport;

import io.chatapp.devstack.EmbeddedMongo;

/**
 * What a service behind login (user-war, chat-war) is pointed at in its in-container tests: the
 * embedded MongoDB-compatible server in memory, a RabbitMQ virtual host of the run's own, a Redis
 * database of the module's own, a key pair of the run's own and the web UI's origin.
 */
public final class LoginBackends implements AutoCloseable {

  /** The web UI's origin as the deployment is told it: cookie changes are accepted from it. */
  public static final String UI_ORIGIN = "http://ui.test";

  public final TestTokens tokens = new TestTokens();
  public final BrokerVirtualHost vhost;
  private final int redisDatabase;
  private final EmbeddedMongo mongo = EmbeddedMongo.startInMemory();

  /** With a virtual host named after {@code prefix} and this Redis database. */
  public LoginBackends(String prefix, int redisDatabase) {
    this.vhost = new BrokerVirtualHost(prefix);
    this.redisDatabase = redisDatabase;
  }

  /** The deployment's settings pointing at these. */
  public DeploymentSettings settings() {
    return new DeploymentSettings()
        .mongo(mongo.uri())
        .redis(redisDatabase)
        .broker(vhost)
        .verifying(tokens)
        .webUi(UI_ORIGIN);
  }

  @Override
  public void close() {
    vhost.close();
    mongo.close();
  }
}
