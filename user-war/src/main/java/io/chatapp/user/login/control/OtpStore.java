package io.chatapp.user.login.control;

import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.login.entity.CodeCheck;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login codes in Redis: the hash {@code otp:{email}} (fields {@code code} and {@code tries}, 5
 * minutes from when it was made) and the send limit {@code otp:cooldown:{email}} (60 s).
 *
 * <p>Nobody can guess a code, and nobody can keep its owner from using the one in her mailbox:
 *
 * <ul>
 *   <li>An 8-digit code may be tried {@link #SHORT_CODE_TRIES} times, by everyone together (and
 *       each client is limited on its own too, {@code LoginLimits}): one chance in ten million of
 *       guessing it.
 *   <li>Then it is replaced by a long code ({@link Otp#generateLong}, about 5 × 10^17 of them), for
 *       a full code life, and the cooldown is lifted: the next ask mails the long code, and the
 *       owner logs in with it. A long code has no shared limit (guessing it is hopeless), so
 *       nobody's wrong tries can stop the owner's right one.
 *   <li>Asking again while a code is valid mails the same code, so the code in the mailbox keeps
 *       working whoever asks.
 * </ul>
 *
 * Before, clients that asked for a code were exempt from the shared limit, and a set of at most 20
 * of them was kept per code: an attacker who asked from 20 addresses first (even refused ones
 * counted) left the owner among the limited, and ten wrong tries from elsewhere then locked her out
 * for the code's life, again and again.
 *
 * <p>Each step that must not race is one Lua script: issuing sets the cooldown and the code
 * together; checking first reserves a try (or replaces the code) and only then compares; using a
 * code deletes it only if it is still the code that was compared, so it is used once. The
 * comparison itself runs here, in constant time, not in Redis.
 */
@ApplicationScoped
public class OtpStore {

  public static final Duration CODE_TTL = Duration.ofMinutes(5);
  public static final Duration COOLDOWN = Duration.ofSeconds(60);

  /** Tries at an 8-digit code, from all clients together, before it is replaced by a long one. */
  public static final int SHORT_CODE_TRIES = 10;

  /**
   * Keeps the code unless one is still valid, unless the cooldown holds: {-1, code to mail} or
   * {wait ms}.
   */
  private static final String ISSUE =
      """
      if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[3]) then
        local kept = redis.call('HGET', KEYS[1], 'code')
        if kept then return {-1, kept} end
        redis.call('HSET', KEYS[1], 'code', ARGV[1], 'tries', '0')
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return {-1, ARGV[1]}
      end
      local wait = redis.call('PTTL', KEYS[2])
      if wait < 0 then return {tonumber(ARGV[3]) * 1000} end
      return {wait}
      """;

  /**
   * Reserves a try: {code}, {} when there is no code, {'', 'replaced'} when the 8-digit code had
   * its tries and is replaced now by the long code {@code ARGV[2]}, for a full life, with the
   * cooldown lifted so that the next ask mails it.
   */
  private static final String RESERVE_TRY =
      """
      local code = redis.call('HGET', KEYS[1], 'code')
      if not code then return {} end
      if string.len(code) == tonumber(ARGV[3]) then return {code} end
      local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
      if tries <= tonumber(ARGV[1]) then return {code} end
      redis.call('HSET', KEYS[1], 'code', ARGV[2], 'tries', '0')
      redis.call('EXPIRE', KEYS[1], ARGV[4])
      redis.call('DEL', KEYS[2])
      return {'', 'replaced'}
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

  private final SecureRandom random = new SecureRandom();

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

  /** What {@link #issue} decided: mail {@code code}, or wait {@code wait} before asking again. */
  public record Issue(Optional<Otp> code, Duration retryAfter) {}

  /**
   * Unless a code was mailed to the address less than {@link #COOLDOWN} ago (then nothing is mailed
   * and the answer says how long to wait), the code to mail: the one still valid if there is one,
   * so the code already in the mailbox keeps working, else {@code fresh}.
   */
  public Issue issue(Email email, Otp fresh) {
    List<?> answer =
        redis.call(
            jedis ->
                (List<?>)
                    jedis.eval(
                        ISSUE,
                        List.of(codeKey(email), cooldownKey(email)),
                        List.of(
                            fresh.code(),
                            String.valueOf(CODE_TTL.toSeconds()),
                            String.valueOf(COOLDOWN.toSeconds()))));
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

  /**
   * Checks a typed code; a match leaves it for {@link #use}. An 8-digit code typed once the
   * address's code was replaced by a long one is {@link CodeCheck#REPLACED}, not a wrong try: it is
   * what the owner types who has not read the newest mail yet.
   */
  public CodeCheck check(Email email, String typed) {
    List<?> reserved =
        redis.call(
            jedis ->
                (List<?>)
                    jedis.eval(
                        RESERVE_TRY,
                        List.of(codeKey(email), cooldownKey(email)),
                        List.of(
                            "" + SHORT_CODE_TRIES,
                            Otp.generateLong(random).code(),
                            "" + Otp.LONG_LENGTH,
                            "" + CODE_TTL.toSeconds())));
    if (reserved.isEmpty()) {
      return CodeCheck.NONE;
    }
    if (reserved.size() > 1) {
      return CodeCheck.REPLACED;
    }
    Otp kept = new Otp((String) reserved.get(0));
    if (kept.isLong() && Otp.canonical(typed).length() == Otp.DIGITS) {
      return CodeCheck.REPLACED;
    }
    return kept.matches(typed) ? CodeCheck.MATCHED : CodeCheck.WRONG;
  }

  /** Uses up a code that matched; false when another request used it first, or it expired. */
  public boolean use(Email email, Otp otp) {
    return deleteIfCode(email, otp);
  }

  private boolean deleteIfCode(Email email, Otp otp) {
    long deleted =
        redis.call(
            jedis ->
                (Long) jedis.eval(DELETE_IF_CODE, List.of(codeKey(email)), List.of(otp.code())));
    return deleted == 1;
  }
}
