package io.chatapp.user.login.control;

import io.chatapp.platform.rest.ApiException;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Login by one-time code: send a code to an address, then accept it once. Either step changes
 * nothing when it fails: a code that could not be mailed is taken back with its cooldown.
 */
@ApplicationScoped
public class OtpLogin {

  @Inject OtpStore codes;
  @Inject OtpMailer mailer;
  @Inject UserStore users;

  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();

  /** Makes, keeps and mails a new code; 429 within the cooldown, 503 when mail cannot go out. */
  public void sendCode(Email email) {
    Otp otp = Otp.generate(random);
    Optional<Duration> wait = codes.issue(email, otp);
    if (wait.isPresent()) {
      throw ApiException.tooManyRequests(
          "A code was sent to this address less than "
              + OtpStore.COOLDOWN.toSeconds()
              + " seconds ago: wait before asking again",
          wait.get());
    }
    try {
      mailer.send(email, otp);
    } catch (RuntimeException e) {
      codes.withdraw(email, otp);
      throw e;
    }
  }

  /** The user the code proves, found or created; 400 when the code is wrong, used or expired. */
  public User verify(Email email, String typed) {
    return switch (codes.check(email, typed)) {
      case ACCEPTED -> users.findOrCreate(email, clock.instant());
      case WRONG -> throw ApiException.badRequest("Invalid OTP: check the code and try again");
      case BURNT ->
          throw ApiException.badRequest(
              "Too many wrong codes: this one no longer works, request a new one");
      case NONE ->
          throw ApiException.badRequest(
              "No valid OTP for this email: it expired or was used; request a new one");
    };
  }
}
