package io.chatapp.user.token.control;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.user.profile.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * The refresh tokens that may still be used, kept durably in MongoDB (collection {@code
 * refreshTokens}: {@code _id} the token's jti, {@code user}, {@code expiresAt}), so that a session
 * survives a restart of Redis that lost its data: it lasts as long as its refresh token, 15 days.
 * Writes are journaled before they are answered. Each use or registration is a look-up by {@code
 * _id}; expired entries are removed by a TTL index on MongoDB (the embedded server keeps them, and
 * never counts them live).
 *
 * <p>A refresh token is used once. Presenting one whose signature is good but that is no longer
 * live means a copy is in other hands (or a client replayed it): every refresh token of that user
 * is revoked, so both parties must log in again.
 */
@ApplicationScoped
public class RefreshTokenStore {

  static final String COLLECTION = "refreshTokens";
  private static final Logger LOG = Logger.getLogger(RefreshTokenStore.class.getName());

  @Inject MongoConnection mongo;
  Clock clock = Clock.systemUTC();

  public RefreshTokenStore() {}

  /** For use outside the container (tests). */
  public RefreshTokenStore(MongoConnection mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  void createIndexesAtStartup(@Observes Startup startup) {
    try {
      createIndexes();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The indexes of refreshTokens are not there yet: {0}", e.toString());
    }
  }

  /** The TTL index that removes expired tokens, and the one that finds a user's tokens. */
  public void createIndexes() {
    mongo.call(
        database -> {
          MongoCollection<Document> tokens = database.getCollection(COLLECTION);
          tokens.createIndex(
              Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
          return tokens.createIndex(Indexes.ascending("user"));
        });
  }

  /** Makes a newly issued refresh token usable for its lifetime. */
  public void register(String jti, UserId user, Duration lifetime) {
    Document token =
        new Document("_id", jti)
            .append("user", user.value())
            .append("expiresAt", Date.from(clock.instant().plus(lifetime)));
    mongo.call(database -> tokens(database).insertOne(token));
  }

  /**
   * Uses the token up. False when it was not live (used, revoked, expired): then all of the user's
   * refresh tokens have just been revoked. Of two uses at once, one wins.
   */
  public boolean use(String jti, UserId user) {
    boolean used =
        mongo.call(
            database -> {
              MongoCollection<Document> tokens = tokens(database);
              Document token = tokens.find(Filters.eq("_id", jti)).first();
              if (token == null || !live(token, user)) {
                return false;
              }
              return tokens.deleteOne(Filters.eq("_id", jti)).getDeletedCount() == 1;
            });
    if (!used) {
      mongo.call(database -> tokens(database).deleteMany(Filters.eq("user", user.value())));
    }
    return used;
  }

  /** Revokes one token (logout); nothing happens when it is not live. */
  public void revoke(String jti, UserId user) {
    mongo.call(
        database ->
            tokens(database)
                .deleteOne(Filters.and(Filters.eq("_id", jti), Filters.eq("user", user.value()))));
  }

  /** Whether the token is live (tests, diagnostics). */
  public boolean isLive(String jti) {
    return mongo.call(
        database -> {
          Document token = tokens(database).find(Filters.eq("_id", jti)).first();
          return token != null && token.getDate("expiresAt").toInstant().isAfter(clock.instant());
        });
  }

  private boolean live(Document token, UserId user) {
    Instant expiresAt = token.getDate("expiresAt").toInstant();
    return user.value().equals(token.getString("user")) && expiresAt.isAfter(clock.instant());
  }

  private static MongoCollection<Document> tokens(com.mongodb.client.MongoDatabase database) {
    return database.getCollection(COLLECTION).withWriteConcern(WriteConcern.JOURNALED);
  }
}
