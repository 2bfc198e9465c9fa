package io.chatapp.system.user;

import static io.chatapp.system.UserApi.loginFrom;
import static io.chatapp.system.UserApi.message;
import static io.chatapp.system.UserApi.newEmail;
import static io.chatapp.system.UserApi.otpOf;
import static io.chatapp.system.UserApi.verifyFrom;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Mailbox;
import io.chatapp.system.UserApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attacks on login, from client addresses the stack's trusted proxy (loopback) names in {@code
 * X-Forwarded-For}: nobody can lock a person out of login by guessing, guessing from many addresses
 * gets nowhere, and one client cannot flood the mail.
 */
class LoginAbuseIT {

  private static final String VICTIM_DEVICE = "10.200.0.1";

  @Test
  void wrongGuessesFromAnAttackerNeitherLockTheOwnerOutNorGoOnForever() throws Exception {
    String email = newEmail("lockout");
    assertThat(loginFrom(VICTIM_DEVICE, email).statusCode()).isEqualTo(200);
    String mailed = Mailbox.awaitCode(email, Duration.ofSeconds(30));
    String wrong = mailed.equals("00000000") ? "11111111" : "00000000";
    String attacker = freshAddress();

    int refusedAsWrong = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      last = verifyFrom(attacker, email, wrong);
      if (last.statusCode() == 400) {
        refusedAsWrong++;
      }
    }
    assertThat(refusedAsWrong).as("the free wrong codes of one client").isEqualTo(5);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(message(last)).contains("wrong codes");
    assertThat(verifyFrom(attacker, email, mailed).statusCode())
        .as("even the right code waits out the backoff")
        .isEqualTo(429);

    HttpResponse<String> owner = verifyFrom(VICTIM_DEVICE, email, mailed);
    assertThat(owner.statusCode()).as("the code in her mailbox still works").isEqualTo(200);
  }

  /**
   * The attack that locked the owner out before: ask for her code from twenty addresses first (the
   * clients that asked were exempt from the code's shared limit, and at most twenty were kept),
   * then spend the code's tries from others. Now the tries are the code's, whoever makes them, and
   * past them it is replaced by a long code, which her next ask mails.
   */
  @Test
  void guessesFromManyAddressesReplaceTheCodeWithALongOneAndTheOwnerStillLogsIn() throws Exception {
    String email = newEmail("botnet");
    assertThat(loginFrom(freshAddress(), email).statusCode()).isEqualTo(200);
    for (int i = 0; i < 19; i++) {
      assertThat(loginFrom(freshAddress(), email).statusCode()).isEqualTo(429);
    }
    assertThat(loginFrom(VICTIM_DEVICE, email).statusCode()).isEqualTo(429);
    String code = Mailbox.awaitCode(email, Duration.ofSeconds(30));
    String wrong = code.equals("00000000") ? "11111111" : "00000000";
    for (int i = 0; i < 10; i++) {
      assertThat(verifyFrom(freshAddress(), email, wrong).statusCode()).isEqualTo(400);
    }
    HttpResponse<String> eleventh = verifyFrom(freshAddress(), email, code);
    assertThat(eleventh.statusCode())
        .as("past the code's ten tries not even the right code is compared")
        .isEqualTo(400);
    HttpResponse<String> owner = verifyFrom(VICTIM_DEVICE, email, code);
    assertThat(owner.statusCode()).isEqualTo(400);
    assertThat(message(owner)).contains("replaced by a longer one");

    assertThat(loginFrom(VICTIM_DEVICE, email).statusCode())
        .as("the replacement lifted the cooldown")
        .isEqualTo(200);
    String longCode = awaitMailNumber(email, 2);
    assertThat(longCode).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
    for (int i = 0; i < 20; i++) {
      assertThat(verifyFrom(freshAddress(), email, "ABCD-EFGH-JKM0").statusCode())
          .as("wrong long codes from anywhere")
          .isEqualTo(400);
    }
    assertThat(verifyFrom(VICTIM_DEVICE, email, longCode.toLowerCase()).statusCode())
        .as("nobody's wrong tries stop the owner's right one")
        .isEqualTo(200);
  }

  /** The code of the {@code n}th mail to the address, once it arrived. */
  private static String awaitMailNumber(String email, int n) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Mailbox.mails(email).size() < n) {
      assertThat(Instant.now()).as("mail number " + n + " to " + email).isBefore(deadline);
      Thread.sleep(300);
    }
    return Mailbox.awaitCode(email, Duration.ofSeconds(1));
  }

  @Test
  void askingAgainMailsTheSameCodeSoAnAttackersRequestDoesNotVoidTheMailbox() throws Exception {
    String email = newEmail("resend");
    assertThat(loginFrom(VICTIM_DEVICE, email).statusCode()).isEqualTo(200);
    String first = otpOf(email);
    UserApi.REDIS.del("otp:cooldown:" + email); // as if the minute between two mails had passed
    assertThat(loginFrom(freshAddress(), email).statusCode()).isEqualTo(200);
    assertThat(otpOf(email)).as("the attacker's request mails the same code").isEqualTo(first);
    assertThat(verifyFrom(VICTIM_DEVICE, email, first).statusCode()).isEqualTo(200);
  }

  @Test
  void oneClientAskingCodesForManyAddressesIsRefusedQuicklyAndOthersAreNot() throws Exception {
    String flooder = freshAddress();
    int accepted = 0;
    HttpResponse<String> refused = null;
    Instant started = Instant.now();
    for (int i = 0; i < 40 && refused == null; i++) {
      HttpResponse<String> answer = loginFrom(flooder, newEmail("flood"));
      if (answer.statusCode() == 200) {
        accepted++;
      } else {
        refused = answer;
      }
    }
    assertThat(refused).as("refused within 40 requests").isNotNull();
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(accepted).isBetween(20, 22);

    String person = newEmail("real-person");
    assertThat(loginFrom(freshAddress(), person).statusCode()).isEqualTo(200);
    Mailbox.awaitCode(person, Duration.ofSeconds(10));
    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
  }

  /** A client address of its own, for each attacker or person. */
  private static String freshAddress() {
    int n = UUID.randomUUID().hashCode();
    return "10." + (n >>> 16 & 0xff) + "." + (n >>> 8 & 0xff) + "." + (n & 0xff);
  }
}
