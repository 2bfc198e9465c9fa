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
 * minutes from when it was made), the send limit {@code otp:cooldown:{email}} (60 s) and {@code
 * otp:askers:{email}}, the clients that asked for that code.
 *
 * <p>Wrong guesses never take the code away from its owner: asking again within its life mails the
 * same code again, and a guess from a client that asked for the code counts only against that
 * client's own limit ({@code LoginLimits}). Guesses from any other client count against the code:
 * past {@link #STRANGER_TRIES} those clients are refused, so nobody who never asked for the code
 * gets more than that many tries at it, however many addresses they come from.
 *
 * <p>Each step that must not race is one Lua script: issuing sets the cooldown and the code
 * together; checking first reserves a try and only then compares; using a code deletes it only if
 * it is still the code that was compared, so it is used once. The comparison itself runs here, in
 * constant time, not in Redis.
 */
@ApplicationScoped
public class OtpStore {

  public static final Duration CODE_TTL = Duration.ofMinutes(5);
  public static final Duration COOLDOWN = Duration.ofSeconds(60);

  /** Tries at a code from clients that did not ask for it, all of them together. */
  public static final int STRANGER_TRIES = 10;

  /** Clients remembered as having asked for one code. */
  static final int MAX_ASKERS = 20;

  /**
   * Notes the asker, then keeps the code unless one is still valid, unless the cooldown holds: {-1,
   * code to mail} or {wait ms}.
   */
  private static final String ISSUE =
      """
      if redis.call('SCARD', KEYS[3]) < tonumber(ARGV[5]) then
        redis.call('SADD', KEYS[3], ARGV[4])
        if redis.call('TTL', KEYS[3]) < 0 then redis.call('EXPIRE', KEYS[3], ARGV[2]) end
      end
      if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[3]) then
        local kept = redis.call('HGET', KEYS[1], 'code')
        if kept then
          redis.call('EXPIRE', KEYS[3], redis.call('TTL', KEYS[1]))
          return {-1, kept}
        end
        redis.call('HSET', KEYS[1], 'code', ARGV[1], 'tries', '0')
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        redis.call('DEL', KEYS[3])
        redis.call('SADD', KEYS[3], ARGV[4])
        redis.call('EXPIRE', KEYS[3], ARGV[2])
        return {-1, ARGV[1]}
      end
      local wait = redis.call('PTTL', KEYS[2])
      if wait < 0 then return {tonumber(ARGV[3]) * 1000} end
      return {wait}
      """;

  /**
   * Reserves a try: {code}, {} when there is no code, {'', 'strangers'} when clients that did not
   * ask for it have used up their tries.
   */
  private static final String RESERVE_TRY =
      """
      local code = redis.call('HGET', KEYS[1], 'code')
      if not code then return {} end
      if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then return {code} end
      local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
      if tries > tonumber(ARGV[1]) then return {'', 'strangers'} end
      return {code}
      """;

  private static final String DELETE_IF_CODE =
      """
      if redis.call('HGET', KEYS[1], 'code') == ARGV[1] then
        redis.call('DEL', KEYS[1], KEYS[2])
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

  static String askersKey(Email email) {
    return "otp:askers:" + email.value();
  }

  /** What {@link #issue} decided: mail {@code code}, or wait {@code wait} before asking again. */
  public record Issue(Optional<Otp> code, Duration retryAfter) {}

  /**
   * Notes that {@code client} asked for a code. Unless a code was mailed to the address less than
   * {@link #COOLDOWN} ago (then nothing is mailed and the answer says how long to wait), the code
   * to mail: the one still valid if there is one, so the code already in the mailbox keeps working,
   * else {@code fresh}.
   */
  public Issue issue(Email email, Otp fresh, String client) {
    List<?> answer =
        redis.call(
            jedis ->
                (List<?>)
                    jedis.eval(
                        ISSUE,
                        List.of(codeKey(email), cooldownKey(email), askersKey(email)),
                        List.of(
                            fresh.code(),
                            String.valueOf(CODE_TTL.toSeconds()),
                            String.valueOf(COOLDOWN.toSeconds()),
                            client,
                            String.valueOf(MAX_ASKERS))));
    long wait = (Long) answer.get(0);
    return wait < 0
        ? new Issue(Optional.of(new Otp((String) answer.get(1))), Duration.ZERO)
        : new Issue(Optional.empty(), Duration.ofMillis(wait));
  }

  /**
   * Takes back a mail that could not be sent: its cooldown, and the code too when it was made for
   * this mail ({@code fresh}), as if never asked for.
   */
  public void withdraw(Email email, Otp mailed, boolean fresh) {
    if (fresh) {
      deleteIfCode(email, mailed);
    }
    redis.call(jedis -> jedis.del(cooldownKey(email)));
  }

  /** Checks a code typed on {@code client}; a match leaves it for {@link #use}. */
  public CodeCheck check(Email email, String typed, String client) {
    List<?> reserved =
        redis.call(
            jedis ->
                (List<?>)
                    jedis.eval(
                        RESERVE_TRY,
                        List.of(codeKey(email), askersKey(email)),
                        List.of("" + STRANGER_TRIES, client)));
    if (reserved.isEmpty()) {
      return CodeCheck.NONE;
    }
    if (reserved.size() > 1) {
      return CodeCheck.STRANGERS_LIMITED;
    }
    return new Otp((String) reserved.get(0)).matches(typed) ? CodeCheck.MATCHED : CodeCheck.WRONG;
  }

  /** Uses up a code that matched; false when another request used it first, or it expired. */
  public boolean use(Email email, Otp otp) {
    return deleteIfCode(email, otp);
  }

  private boolean deleteIfCode(Email email, Otp otp) {
    long deleted =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        DELETE_IF_CODE,
                        List.of(codeKey(email), askersKey(email)),
                        List.of(otp.code())));
    return deleted == 1;
  }
}
