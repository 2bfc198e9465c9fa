package io.chatapp.chat.chats.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sequence numbers from the real Redis, seeded from the embedded MongoDB-compatible server: in
 * order without a database round trip, and right again after Redis lost its counters.
 */
class ChatSequenceTest extends HarnessTest {

  @Override
  protected boolean withPipeline() {
    return false;
  }

  @Test
  void numbersANewChatFromOneAndKeepsItsCounterOnlyWhileUsed() {
    ChatHarness.Pair p = stack.pair();
    assertThat(List.of(next(p), next(p), next(p))).containsExactly(1L, 2L, 3L);
    long ttl = stack.redis.call(jedis -> jedis.ttl(ChatSequence.key(p.chat())));
    assertThat(ttl).isBetween(ChatSequence.IDLE_SECONDS - 60, ChatSequence.IDLE_SECONDS);
  }

  @Test
  void concurrentSendersNeverShareANumber() throws Exception {
    ChatHarness.Pair p = stack.pair();
    Set<Long> given = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    given.add(next(p));
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(given).hasSize(800).allMatch(n -> n >= 1 && n <= 800);
  }

  @Test
  void aCounterRedisLostStartsAboveWhatIsStored() {
    ChatHarness.Pair p = stack.pair();
    storeNumbered(p, 3);
    forgetCounter(p);

    assertThat(next(p)).isEqualTo(4);
    assertThat(stack.chatStore.find(p.chat()).orElseThrow().seq()).isEqualTo(3);
  }

  @Test
  void aMessageNumberedBeforeTheLossAndStoredAfterItTakesTheNextFreeNumber() {
    ChatHarness.Pair p = stack.pair();
    stack.steps.store(List.of(new Addressed(message(p, next(p), "first"), p.bob())));
    Message onItsWay = message(p, next(p), "on its way");
    forgetCounter(p);
    Message sentAfter = message(p, next(p), "sent after the loss");
    assertThat(sentAfter.seq()).isEqualTo(onItsWay.seq());

    stack.steps.store(List.of(new Addressed(sentAfter, p.bob())));
    List<Addressed> stored = stack.steps.store(List.of(new Addressed(onItsWay, p.bob())));

    assertThat(stored).singleElement().satisfies(a -> assertThat(a.message().seq()).isEqualTo(3));
    assertThat(stack.history.page(p.bob(), p.chat(), Optional.empty(), 10).messages())
        .extracting(Message::text)
        .containsExactly("first", "sent after the loss", "on its way");
    assertThat(next(p)).isEqualTo(4);
  }

  @Test
  void aClaimIsMadeWithTheNumberAndARepeatedClaimTakesNoNumber() {
    ChatHarness.Pair p = stack.pair();
    String key = "test:claim:" + p.chat().value();
    ChatSequence.Numbered first =
        stack.sequence.next(p.chat(), Optional.of(new ChatSequence.Claim(key, "first", 600)));
    ChatSequence.Numbered repeated =
        stack.sequence.next(p.chat(), Optional.of(new ChatSequence.Claim(key, "second", 600)));

    assertThat(first).isEqualTo(new ChatSequence.Numbered(1, Optional.empty()));
    assertThat(repeated.claimedBefore()).contains("first");
    assertThat(next(p)).as("the repeated claim took no number").isEqualTo(2);
    assertThat(stack.redis.<String>call(jedis -> jedis.get(key))).isEqualTo("first");
    assertThat(stack.redis.<Long>call(jedis -> jedis.ttl(key))).isBetween(540L, 600L);
    long ttl = stack.redis.call(jedis -> jedis.ttl(ChatSequence.key(p.chat())));
    assertThat(ttl).isBetween(ChatSequence.IDLE_SECONDS - 60, ChatSequence.IDLE_SECONDS);
  }

  @Test
  void aClaimWithACounterRedisLostIsNumberedAboveWhatIsStored() {
    ChatHarness.Pair p = stack.pair();
    storeNumbered(p, 2);
    forgetCounter(p);
    String key = "test:claim:" + p.chat().value();

    ChatSequence.Numbered numbered =
        stack.sequence.next(p.chat(), Optional.of(new ChatSequence.Claim(key, "mine", 600)));

    assertThat(numbered).isEqualTo(new ChatSequence.Numbered(3, Optional.empty()));
    assertThat(stack.redis.<String>call(jedis -> jedis.get(key))).isEqualTo("mine");
    assertThat(next(p)).isEqualTo(4);
  }

  private long next(ChatHarness.Pair p) {
    return stack.sequence.next(p.chat());
  }

  /** Stores {@code count} messages, each numbered by the sequence as a send is. */
  private void storeNumbered(ChatHarness.Pair p, int count) {
    for (int i = 0; i < count; i++) {
      stack.steps.store(List.of(new Addressed(message(p, next(p), "stored " + i), p.bob())));
    }
  }

  private void forgetCounter(ChatHarness.Pair p) {
    stack.redis.call(jedis -> jedis.del(ChatSequence.key(p.chat())));
  }

  private static Message message(ChatHarness.Pair p, long seq, String text) {
    return new Message(MessageId.fresh(), p.chat(), seq, p.ann(), text, false, null, IsoTime.now());
  }
}
