package io.chatapp.user.login.control;

import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits per client address (see {@code ClientAddress}), kept in Redis so every user-war instance
 * counts the same:
 *
 * <ul>
 *   <li>codes asked for: a token bucket of {@code login.per-client-burst} refilled at {@code
 *       login.per-client-per-minute}, whatever addresses they go to, so one client cannot flood the
 *       mail;
 *   <li>wrong codes: after {@code login.free-wrong-codes} in 15 minutes, a wait before the next try
 *       that doubles with each further wrong one, from 30 s up to 15 minutes.
 * </ul>
 *
 * Each refusal is a 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class LoginLimits {

  private static final Logger LOG = Logger.getLogger(LoginLimits.class.getName());
  static final Duration WRONG_CODE_WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_WAIT = Duration.ofSeconds(30);

  /** A token bucket: 0 when a token was taken, else the ms until one is there. */
  private static final String TAKE =
      """
      local now = tonumber(ARGV[1])
      local per_ms = tonumber(ARGV[2]) / 60000
      local burst = tonumber(ARGV[3])
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(state[1]) or burst
      local at = tonumber(state[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
      local wait = 0
      if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / per_ms) end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms))
      return wait
      """;

  /** Counts a wrong code; past the free ones, blocks the client for a doubling while. */
  private static final String WRONG =
      """
      local wrong = redis.call('INCR', KEYS[1])
      if wrong == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      local over = wrong - tonumber(ARGV[2]) + 1
      if over > 0 then
        local wait = math.min(tonumber(ARGV[1]), tonumber(ARGV[3]) * 2 ^ math.min(over - 1, 20))
        redis.call('SET', KEYS[2], '1', 'PX', math.floor(wait))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return math.floor(wait)
      end
      return 0
      """;

  @Inject RedisConnection redis;

  @Inject
  @ConfigProperty(name = "login.per-client-per-minute", defaultValue = "10")
  int loginsPerMinute;

  @Inject
  @ConfigProperty(name = "login.per-client-burst", defaultValue = "20")
  int loginBurst;

  @Inject
  @ConfigProperty(name = "login.free-wrong-codes", defaultValue = "5")
  int freeWrongCodes;

  public LoginLimits() {}

  /** For use outside the container (tests). */
  public LoginLimits(RedisConnection redis, int loginsPerMinute, int loginBurst, int freeWrong) {
    this.redis = redis;
    this.loginsPerMinute = loginsPerMinute;
    this.loginBurst = loginBurst;
    this.freeWrongCodes = freeWrong;
  }

  /** Counts a request for a code from the client; 429 past its bucket. */
  public void askForCode(String client) {
    long wait =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        TAKE,
                        List.of("login:limit:" + client),
                        List.of(
                            "" + System.currentTimeMillis(),
                            "" + loginsPerMinute,
                            "" + loginBurst)));
    if (wait > 0) {
      LOG.info(() -> "Client " + client + " asks for codes faster than allowed");
      throw Refusal.tooManyRequests(
          "Too many codes asked for from this address: try again later", Duration.ofMillis(wait));
    }
  }

  /** 429 while the client waits after too many wrong codes. */
  public void requireMayTry(String client) {
    long wait = redis.call(jedis -> jedis.pttl(blockKey(client)));
    if (wait > 0) {
      throw tooManyWrong(Duration.ofMillis(wait));
    }
  }

  /** Counts a wrong code typed on the client. */
  public void wrongCode(String client) {
    long wait =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        WRONG,
                        List.of("login:wrong:" + client, blockKey(client)),
                        List.of(
                            "" + WRONG_CODE_WINDOW.toMillis(),
                            "" + freeWrongCodes,
                            "" + FIRST_WAIT.toMillis())));
    if (wait > 0) {
      LOG.info(() -> "Client " + client + " typed too many wrong codes; waits " + wait + " ms");
    }
  }

  static Refusal tooManyWrong(Duration wait) {
    return Refusal.tooManyRequests(
        "Too many wrong codes from this address: wait before trying again", wait);
  }

  private static String blockKey(String client) {
    return "login:wrong:block:" + client;
  }
}
