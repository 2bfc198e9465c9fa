package io.chatapp.user;

import io.chatapp.platform.mongo.MongoConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;

/**
 * Gives JNoSQL's MongoDB template one document manager over the service's one MongoDB client.
 *
 * <p>Why: jnosql-mongodb 1.1.10 produces its manager as a dependent bean that builds a new {@code
 * MongoClient} from {@code jnosql.mongodb.url} each time, and its template asks for one on every
 * operation, so every query made a client (with its monitor thread and pool) that was never closed:
 * measured here, 20 requests left 20 more clients. Those clients also waited the driver's default
 * 30 s for a stopped server; {@link MongoConnection}'s client answers 503 within 3 s.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class DocumentManagerProducer {

  @Inject MongoConnection mongo;

  private MongoDBDocumentManager manager;

  @Produces
  @Typed(MongoDBDocumentManager.class)
  synchronized MongoDBDocumentManager manager() {
    if (manager == null) {
      manager = new MongoDBDocumentConfiguration().get(mongo.client()).apply(mongo.databaseName());
    }
    return manager;
  }
}
