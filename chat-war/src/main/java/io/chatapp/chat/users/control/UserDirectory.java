package io.chatapp.chat.users.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.DependencyUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * User profiles, asked of user-war ({@code USER_SERVICE_URL}) with the caller's own access token
 * and kept for a short while ({@code user.cache-seconds}), so a chat list of 50 chats costs at most
 * one batched call. Lists degrade to "Unknown user" when user-war is down; creating a chat, which
 * must know the other user exists, answers 503 instead.
 */
@ApplicationScoped
public class UserDirectory {

  private static final Logger LOG = Logger.getLogger(UserDirectory.class.getName());
  private static final int MAX_BATCH = 100;
  private static final int MAX_CACHED = 10_000;

  @Inject
  @ConfigProperty(name = "user.service.url", defaultValue = "http://localhost:3000")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "user.cache-seconds", defaultValue = "30")
  long cacheSeconds;

  private HttpClient http;
  private final Map<UserId, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(JsonObject profile, Instant expires) {}

  public UserDirectory() {}

  /** For use outside the container (tests, tools). */
  public UserDirectory(String baseUrl, long cacheSeconds) {
    this.baseUrl = baseUrl;
    this.cacheSeconds = cacheSeconds;
    open();
  }

  @PostConstruct
  void open() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The user's profile, or empty when user-war does not know the user; 503 when it is down. */
  public Optional<JsonObject> find(UserId id, String token) {
    JsonObject cached = cached(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/user/" + id.value())).GET(),
            token);
    if (response.statusCode() == 404 || response.statusCode() == 400) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unavailable(new IOException("GET /user answered " + response.statusCode()));
    }
    JsonObject profile = parse(response.body());
    remember(id, profile);
    return Optional.of(profile);
  }

  /** Puts the profiles known here into {@code found}; the ids of the others, once each. */
  private List<UserId> fromCache(Collection<UserId> ids, Map<UserId, JsonObject> found) {
    List<UserId> missing = new ArrayList<>();
    for (UserId id : new LinkedHashSet<>(ids)) {
      JsonObject cached = cached(id);
      if (cached != null) {
        found.put(id, cached);
      } else {
        missing.add(id);
      }
    }
    return missing;
  }

  /** The profiles of these users, "Unknown user" for any that cannot be had; never fails. */
  public Map<UserId, JsonObject> profiles(Collection<UserId> ids, String token) {
    Map<UserId, JsonObject> found = new LinkedHashMap<>();
    List<UserId> missing = fromCache(ids, found);
    for (int from = 0; from < missing.size(); from += MAX_BATCH) {
      List<UserId> batch = missing.subList(from, Math.min(missing.size(), from + MAX_BATCH));
      try {
        fetchBatch(batch, token).forEach(found::put);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "User profiles unavailable, showing Unknown user", e);
      }
    }
    for (UserId id : ids) {
      found.putIfAbsent(id, unknown(id));
    }
    return found;
  }

  /**
   * The profiles of those of these users that exist, asked of user-war for any not known here (one
   * call per 100); 503 when it cannot answer, since what it does not know must be told apart from
   * what it could not say.
   */
  public Map<UserId, JsonObject> existing(Collection<UserId> ids, String token) {
    Map<UserId, JsonObject> found = new LinkedHashMap<>();
    List<UserId> missing = fromCache(ids, found);
    for (int from = 0; from < missing.size(); from += MAX_BATCH) {
      found.putAll(
          fetchBatch(missing.subList(from, Math.min(missing.size(), from + MAX_BATCH)), token));
    }
    return found;
  }

  /** One profile that never fails: "Unknown user" when it cannot be had. */
  public JsonObject profileOrUnknown(UserId id, String token) {
    return profiles(List.of(id), token).get(id);
  }

  /** What a client shows for a user whose profile cannot be had. */
  public static JsonObject unknown(UserId id) {
    return JSON.createObjectBuilder().add("_id", id.value()).add("name", "Unknown user").build();
  }

  private Map<UserId, JsonObject> fetchBatch(List<UserId> batch, String token) {
    var ids = JSON.createArrayBuilder();
    batch.forEach(id -> ids.add(id.value()));
    String body = JSON.createObjectBuilder().add("ids", ids).build().toString();
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/user/batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            token);
    if (response.statusCode() != 200) {
      throw unavailable(new IOException("POST /user/batch answered " + response.statusCode()));
    }
    Map<UserId, JsonObject> found = new LinkedHashMap<>();
    JsonValue users = parse(response.body()).get("users");
    if (users != null && users.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue user : users.asJsonArray()) {
        if (user.getValueType() == JsonValue.ValueType.OBJECT
            && user.asJsonObject().containsKey("_id")) {
          JsonObject profile = user.asJsonObject();
          try {
            UserId id = new UserId(profile.getString("_id"));
            remember(id, profile);
            found.put(id, profile);
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Skipping a malformed profile", e);
          }
        }
      }
    }
    return found;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) {
    request.timeout(Duration.ofSeconds(3));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
  }

  private JsonObject cached(UserId id) {
    Cached entry = cache.get(id);
    if (entry == null) {
      return null;
    }
    if (entry.expires().isBefore(Instant.now())) {
      cache.remove(id, entry);
      return null;
    }
    return entry.profile();
  }

  private void remember(UserId id, JsonObject profile) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(id, new Cached(profile, Instant.now().plusSeconds(cacheSeconds)));
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw unavailable(new IOException("user-war answered something that is not a JSON object"));
    }
  }

  private static DependencyUnavailableException unavailable(Exception cause) {
    return new DependencyUnavailableException("The user service", cause);
  }
}
