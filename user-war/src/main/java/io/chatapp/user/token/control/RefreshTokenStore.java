package io.chatapp.user.token.control;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.RefreshUse;
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
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * is revoked, so both parties must log in again. Except for a moment after it was used: the browser
 * itself often sends the same cookie twice at once (two tabs restored, every tab waking from sleep,
 * a page of another site opening the renewal twice), and the second request would sign the person
 * out everywhere. So a used token is not deleted but marked {@code replacedAt}, its {@code
 * expiresAt} brought forward to the end of the grace ({@code refresh.reuse-grace-seconds}): until
 * then it is {@link RefreshUse#JUST_REPLACED} (refused, nothing revoked), after that gone as
 * before. The mark is on the token's own document, not in Redis, so that one conditional update
 * decides both which request rotates and what the other is told, and a Redis that lost its data
 * cannot make a second tab look like a thief.
 */
@ApplicationScoped
public class RefreshTokenStore {

  static final String COLLECTION = "refreshTokens";
  static final String REPLACED_AT = "replacedAt";
  static final String EXPIRES_AT = "expiresAt";
  static final String SID = "sid";

  /**
   * Long enough for the first request's answer (with the new cookies) to reach the browser and for
   * the second request's page to try again with them, also over a slow mobile network; short enough
   * that a stolen token presented later still ends every session.
   */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);

  private static final Logger LOG = Logger.getLogger(RefreshTokenStore.class.getName());

  @Inject MongoConnection mongo;

  @Inject
  @ConfigProperty(name = "refresh.reuse-grace-seconds", defaultValue = "15")
  long graceSeconds = DEFAULT_GRACE.toSeconds();

  Clock clock = Clock.systemUTC();

  public RefreshTokenStore() {}

  /** For use outside the container (tests), with the default grace. */
  public RefreshTokenStore(MongoConnection mongo, Clock clock) {
    this(mongo, clock, DEFAULT_GRACE);
  }

  /** For use outside the container (tests), with the given grace (whole seconds). */
  public RefreshTokenStore(MongoConnection mongo, Clock clock, Duration grace) {
    this.mongo = mongo;
    this.clock = clock;
    this.graceSeconds = grace.toSeconds();
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
              Indexes.ascending(EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
          return tokens.createIndex(Indexes.ascending("user"));
        });
  }

  /**
   * Makes a newly issued refresh token of no session usable for its lifetime (tests: {@link
   * Sessions} always registers the session's id, for {@link #revokeSession}).
   */
  public void register(String jti, UserId user, Duration lifetime) {
    register(jti, user, null, lifetime);
  }

  /** Keeps a new refresh token of the session {@code sid}, live for {@code lifetime}. */
  public void register(String jti, UserId user, String sid, Duration lifetime) {
    Document token =
        new Document("_id", jti)
            .append("user", user.value())
            .append(EXPIRES_AT, Date.from(clock.instant().plus(lifetime)));
    if (sid != null) {
      token.append(SID, sid);
    }
    mongo.call(database -> tokens(database).insertOne(token));
  }

  /**
   * Revokes every refresh token of the session (logout): the one presented may be an older one than
   * the browser's newest (a second tab's, replaced a moment ago), and its successor must not
   * outlive the 16 minutes the session's revocation is kept.
   */
  public void revokeSession(String sid, UserId user) {
    mongo.call(
        database ->
            tokens(database)
                .deleteMany(Filters.and(Filters.eq("user", user.value()), Filters.eq(SID, sid))));
  }

  /**
   * Uses the token up: {@link RefreshUse#ROTATED} for exactly one of any number of uses at once.
   * Another use within the grace after it is {@link RefreshUse#JUST_REPLACED} and changes nothing;
   * any other use ({@link RefreshUse#REUSED}: used longer ago than the grace, revoked, expired)
   * revokes all of the user's refresh tokens before it returns.
   */
  public RefreshUse use(String jti, UserId user) {
    Instant now = clock.instant();
    Bson mine = Filters.and(Filters.eq("_id", jti), Filters.eq("user", user.value()));
    RefreshUse use =
        mongo.call(
            database -> {
              MongoCollection<Document> tokens = tokens(database);
              Bson live =
                  Filters.and(
                      mine,
                      Filters.exists(REPLACED_AT, false),
                      Filters.gt(EXPIRES_AT, Date.from(now)));
              Bson replaced =
                  Updates.combine(
                      Updates.set(REPLACED_AT, Date.from(now)),
                      Updates.set(EXPIRES_AT, Date.from(now.plus(grace()))));
              if (tokens.updateOne(live, replaced).getMatchedCount() == 1) {
                return RefreshUse.ROTATED;
              }
              // not live when the update looked: another use got there first, or it is dead
              Document token = tokens.find(mine).first();
              return token != null && token.containsKey(REPLACED_AT) && notExpired(token, now)
                  ? RefreshUse.JUST_REPLACED
                  : RefreshUse.REUSED;
            });
    if (use == RefreshUse.REUSED) {
      mongo.call(database -> tokens(database).deleteMany(Filters.eq("user", user.value())));
    }
    return use;
  }

  /** How long a used token is remembered as just replaced; none when configured below zero. */
  Duration grace() {
    return Duration.ofSeconds(Math.max(0, graceSeconds));
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
          return token != null
              && !token.containsKey(REPLACED_AT)
              && notExpired(token, clock.instant());
        });
  }

  private static boolean notExpired(Document token, Instant now) {
    return token.getDate(EXPIRES_AT).toInstant().isAfter(now);
  }

  private static MongoCollection<Document> tokens(com.mongodb.client.MongoDatabase database) {
    return database.getCollection(COLLECTION).withWriteConcern(WriteConcern.JOURNALED);
  }
}
