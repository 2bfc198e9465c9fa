package io.chatapp.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.chatapp.platform.errors.DependencyUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The service's MongoDB client ({@code MONGODB_URI}, database {@code MONGODB_DATABASE}). Short
 * server-selection timeouts make a stopped server a quick 503 instead of a 30 s hang; the driver
 * reconnects by itself.
 */
@ApplicationScoped
public class MongoConnection {

  @Inject
  @ConfigProperty(name = "mongodb.uri", defaultValue = "mongodb://localhost:27017")
  String uri;

  @Inject
  @ConfigProperty(name = "mongodb.database", defaultValue = "chat")
  String databaseName;

  private MongoClient client;

  public MongoConnection() {}

  /** For use outside the container (tests, tools). */
  public MongoConnection(String uri, String databaseName) {
    this.uri = uri;
    this.databaseName = databaseName;
    open();
  }

  @PostConstruct
  void open() {
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(3, TimeUnit.SECONDS))
                .build());
  }

  @PreDestroy
  public void close() {
    client.close();
  }

  /** The driver's client, for libraries that take one (JNoSQL); this class still owns it. */
  public MongoClient client() {
    return client;
  }

  public String databaseName() {
    return databaseName;
  }

  public MongoDatabase database() {
    return client.getDatabase(databaseName);
  }

  /**
   * Runs database work; an unreachable server becomes {@link DependencyUnavailableException}, and
   * so does a pool of connections the driver cleared when the server went away (that one was a 500
   * in a crash drill).
   */
  public <T> T call(Function<MongoDatabase, T> work) {
    try {
      return work.apply(database());
    } catch (com.mongodb.MongoTimeoutException
        | com.mongodb.MongoSocketException
        | com.mongodb.MongoConnectionPoolClearedException
        | com.mongodb.MongoServerUnavailableException e) {
      throw new DependencyUnavailableException("MongoDB", e);
    }
  }

  /** Readiness: the server answers ping. */
  public HealthCheckResponse check() {
    try {
      database().runCommand(new Document("ping", 1));
      return HealthCheckResponse.named("mongodb").up().build();
    } catch (MongoException e) {
      return HealthCheckResponse.named("mongodb")
          .down()
          .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
