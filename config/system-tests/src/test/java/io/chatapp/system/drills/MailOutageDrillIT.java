package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Mailbox;
import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Drill 6: the SMTP server down for 30 s while people ask for login codes. Every code asked for
 * meanwhile arrives once the server is back, exactly once, and logs its owner in. Runs only against
 * a stack with the local SMTP server ({@code config/start}'s {@code mail-server}); it is started
 * again whatever happens.
 */
class MailOutageDrillIT {

  private static final int PEOPLE = 10;

  @Test
  void codesAskedForWhileSmtpIsDownArriveOnceWhenItIsBack() throws Exception {
    Optional<StackProcess> smtp = StackProcess.of("mail-server");
    assumeTrue(smtp.isPresent(), "the stack does not run the local SMTP server");
    List<String> people = new ArrayList<>();
    List<Integer> answers = new ArrayList<>();
    long back;
    try {
      smtp.get().stop();
      for (int i = 0; i < PEOPLE; i++) {
        String email = UserApi.newEmail("drill-mail");
        people.add(email);
        answers.add(UserApi.login(email).statusCode());
        Thread.sleep(2500);
      }
      Thread.sleep(5000); // 30 s down in all
    } finally {
      back = System.nanoTime();
      StackProcess.startMissing();
    }
    Stack.awaitReady(Drills.RECOVERY);
    int arrived = 0;
    int duplicated = 0;
    int loggedIn = 0;
    double lastArrival = 0;
    for (String email : people) {
      String code = Mailbox.awaitCode(email, Duration.ofSeconds(90));
      lastArrival = Math.max(lastArrival, Drills.since(back));
      arrived++;
      if (UserApi.verify(email, code).statusCode() == 200) {
        loggedIn++;
      }
    }
    Thread.sleep(5000); // a second copy would arrive by now
    for (String email : people) {
      duplicated += Mailbox.mails(email).size() - 1;
    }
    Drills.report(
        String.format(
            "drill smtp-down: login codes asked for %d (answers %s), arrived %d, duplicated %d,"
                + " logged in with them %d, the last arrived %.1f s after the server was back",
            PEOPLE, answers, arrived, duplicated, loggedIn, lastArrival));
    assertThat(answers).as("/login while the SMTP server is down").allMatch(s -> s == 200);
    assertThat(duplicated).as("codes mailed twice").isZero();
    assertThat(loggedIn).as("people logged in with the code mailed late").isEqualTo(PEOPLE);
  }
}
