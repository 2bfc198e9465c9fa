package io.chatapp.user.login.control;

import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.login.entity.CodeCheck;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login codes in Redis: the hash {@code otp:{email}} (fields {@code code} and {@code tries}, 5
 * minutes) and the send limit {@code otp:cooldown:{email}} (60 s).
 *
 * <p>Each step that must not race is one Lua script: issuing sets the cooldown and the code
 * together; checking first reserves a try and only then compares, so however many guesses arrive at
 * once no more than {@link #MAX_TRIES} are ever compared; using a code deletes it only if it is
 * still the code that was compared, so it is used once. The comparison itself runs here, in
 * constant time, not in Redis.
 */
@ApplicationScoped
public class OtpStore {

  public static final Duration CODE_TTL = Duration.ofMinutes(5);
  public static final Duration COOLDOWN = Duration.ofSeconds(60);
  public static final int MAX_TRIES = 5;

  private static final String ISSUE =
      """
      if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[3]) then
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'code', ARGV[1], 'tries', '0')
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return -1
      end
      local wait = redis.call('PTTL', KEYS[2])
      if wait < 0 then return tonumber(ARGV[3]) * 1000 end
      return wait
      """;

  /** Reserves a try: {code, tries}, or {} when there is no code; burns it past the last try. */
  private static final String RESERVE_TRY =
      """
      local code = redis.call('HGET', KEYS[1], 'code')
      if not code then return {} end
      local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
      if tries > tonumber(ARGV[1]) then
        redis.call('DEL', KEYS[1])
        return {}
      end
      return {code, tries}
      """;

  private static final String DELETE_IF_CODE =
      """
      if redis.call('HGET', KEYS[1], 'code') == ARGV[1] then
        redis.call('DEL', KEYS[1])
        return 1
      end
      return 0
      """;

  @Inject RedisConnection redis;

  public OtpStore() {}

  /** For use outside the container (tests). */
  public OtpStore(RedisConnection redis) {
    this.redis = redis;
  }

  static String codeKey(Email email) {
    return "otp:" + email.value();
  }

  static String cooldownKey(Email email) {
    return "otp:cooldown:" + email.value();
  }

  /**
   * Keeps a new code for the address, replacing any earlier one, unless a code was issued less than
   * {@link #COOLDOWN} ago: then nothing changes and the answer is how long to wait.
   */
  public Optional<Duration> issue(Email email, Otp otp) {
    long wait =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        ISSUE,
                        List.of(codeKey(email), cooldownKey(email)),
                        List.of(
                            otp.code(),
                            String.valueOf(CODE_TTL.toSeconds()),
                            String.valueOf(COOLDOWN.toSeconds()))));
    return wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
  }

  /** Takes back a code that could not be sent, and its cooldown, as if it was never asked for. */
  public void withdraw(Email email, Otp otp) {
    redis.call(
        jedis -> {
          jedis.eval(DELETE_IF_CODE, List.of(codeKey(email)), List.of(otp.code()));
          return jedis.del(cooldownKey(email));
        });
  }

  /** Checks a typed code; a match uses the code up, the last wrong try burns it. */
  public CodeCheck check(Email email, String typed) {
    String key = codeKey(email);
    List<?> reserved =
        redis.call(
            jedis -> (List<?>) jedis.eval(RESERVE_TRY, List.of(key), List.of("" + MAX_TRIES)));
    if (reserved.isEmpty()) {
      return CodeCheck.NONE;
    }
    Otp kept = new Otp((String) reserved.get(0));
    long tries = (Long) reserved.get(1);
    boolean matches = kept.matches(typed);
    if (matches || tries >= MAX_TRIES) {
      long deleted =
          redis.call(
              jedis -> (Long) jedis.eval(DELETE_IF_CODE, List.of(key), List.of(kept.code())));
      if (matches) {
        return deleted == 1 ? CodeCheck.ACCEPTED : CodeCheck.NONE;
      }
      return CodeCheck.BURNT;
    }
    return CodeCheck.WRONG;
  }
}
