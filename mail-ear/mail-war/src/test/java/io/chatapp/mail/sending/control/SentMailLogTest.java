package io.chatapp.mail.sending.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentMailLogTest {

  @TempDir Path folder;

  @Test
  void remembersSentIdsAcrossARestart() {
    Path file = folder.resolve("sub/sent-ids.log");
    SentMailLog log = new SentMailLog(file, 100);
    log.record("3f1c6a2e-0000-4000-8000-000000000001");
    log.record("3f1c6a2e-0000-4000-8000-000000000002");
    assertThat(log.contains("3f1c6a2e-0000-4000-8000-000000000001")).isTrue();
    log.close();

    SentMailLog reopened = new SentMailLog(file, 100);
    assertThat(reopened.contains("3f1c6a2e-0000-4000-8000-000000000001")).isTrue();
    assertThat(reopened.contains("3f1c6a2e-0000-4000-8000-000000000002")).isTrue();
    assertThat(reopened.contains("3f1c6a2e-0000-4000-8000-000000000003")).isFalse();
    assertThat(reopened.contains(null)).isFalse();
  }

  @Test
  void keepsOnlyTheNewestAndCompactsTheFile() throws Exception {
    Path file = folder.resolve("sent-ids.log");
    SentMailLog log = new SentMailLog(file, 10);
    for (int i = 0; i < 35; i++) {
      log.record("id-" + i);
    }
    assertThat(log.size()).isEqualTo(10);
    assertThat(log.contains("id-24")).isFalse();
    assertThat(log.contains("id-25")).isTrue();
    assertThat(log.contains("id-34")).isTrue();
    assertThat(Files.readAllLines(file).size()).isLessThanOrEqualTo(20);
    log.close();

    SentMailLog reopened = new SentMailLog(file, 10);
    assertThat(reopened.size()).isEqualTo(10);
    assertThat(reopened.contains("id-34")).isTrue();
  }

  @Test
  void ignoresIdsThatCannotBeStoredAndGarbageInTheFile() throws Exception {
    Path file = folder.resolve("sent-ids.log");
    Files.writeString(file, "good-id\n\nwith space\n");
    SentMailLog log = new SentMailLog(file, 10);
    assertThat(log.contains("good-id")).isTrue();
    assertThat(log.size()).isEqualTo(1);
    log.record("two\nlines");
    log.record(null);
    assertThat(log.size()).isEqualTo(1);
  }

  @Test
  void worksInMemoryOnly() {
    SentMailLog log = new SentMailLog(null, 2);
    log.record("a");
    log.record("b");
    log.record("c");
    assertThat(log.contains("a")).isFalse();
    assertThat(log.contains("c")).isTrue();
  }
}
