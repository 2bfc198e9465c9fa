package io.chatapp.user.login.control;

import io.chatapp.platform.errors.Refusal;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Login by one-time code: send a code to an address, then accept it once. Either step changes
 * nothing when it fails: a code that could not be mailed is taken back with its cooldown. Both
 * steps are limited per client ({@link LoginLimits}); wrong guesses never keep the person it was
 * mailed to from logging in ({@link OtpStore}: past its tries an 8-digit code is replaced by a long
 * one, which the next ask mails).
 */
@ApplicationScoped
public class OtpLogin {

  @Inject OtpStore codes;
  @Inject LoginLimits limits;
  @Inject OtpMailer mailer;
  @Inject UserStore users;

  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();

  /**
   * Mails the address its code (the one still valid, else a new one) for {@code client}; 429 past
   * the client's limit or within the address's cooldown, 503 when mail cannot go out.
   */
  public void sendCode(Email email, String client) {
    limits.askForCode(client);
    Otp fresh = Otp.generate(random);
    OtpStore.Issue issue = codes.issue(email, fresh);
    if (issue.code().isEmpty()) {
      throw Refusal.tooManyRequests(
          "A code was sent to this address less than "
              + OtpStore.COOLDOWN.toSeconds()
              + " seconds ago: use it, or wait before asking again",
          issue.retryAfter());
    }
    Otp otp = issue.code().get();
    try {
      mailer.send(email, otp);
    } catch (RuntimeException e) {
      codes.withdraw(email, otp, otp.equals(fresh));
      throw e;
    }
  }

  /**
   * The user the code proves, found or created; 400 when the code is wrong, used or expired. The
   * code is used up only after the user is there, so a MongoDB failure leaves it usable.
   */
  public User verify(Email email, String typed, String client) {
    limits.requireMayTry(client);
    return switch (codes.check(email, typed)) {
      case MATCHED -> {
        User user = users.findOrCreate(email, clock.instant());
        if (!codes.use(email, new Otp(Otp.canonical(typed)))) {
          throw noCode();
        }
        yield user;
      }
      case WRONG -> {
        limits.wrongCode(client);
        throw Refusal.badRequest("Invalid OTP: check the code and try again");
      }
      case REPLACED ->
          throw Refusal.badRequest(
              "Too many wrong codes were tried for this address, so its code was replaced by a"
                  + " longer one: ask for a new code, then type the one in the newest mail");
      case NONE -> throw noCode(); // nothing to guess: no use to count it against anyone
    };
  }

  private static Refusal noCode() {
    return Refusal.badRequest(
        "No valid OTP for this email: it expired or was used; request a new one");
  }
}
