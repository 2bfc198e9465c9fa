package io.chatapp.chat.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.media.control.ImageInspector;
import io.chatapp.chat.media.control.MediaLimits;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.TestImages;
import io.chatapp.platform.concurrent.Futures;
import io.chatapp.platform.rest.ApiException;
import io.chatapp.platform.rest.DependencyUnavailableException;
import io.chatapp.testsupport.Poll;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send hands its message over without waiting for the pipeline ({@link
 * MessageService#sendAsync}): the caller's thread returns at once, the send's place in admission is
 * held until the pipeline took the message or failed to, and a failure is the pipeline's own 503,
 * with the image of an image send removed again. The pipeline here holds each hand-over until the
 * test settles it, as a broker slow to confirm does; the rest is the real stack.
 */
class SendHandOverTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<CompletableFuture<Void>> handedOver = new CopyOnWriteArrayList<>();
  private final List<Addressed> addressed = new CopyOnWriteArrayList<>();

  private final MessagePipeline held =
      new MessagePipeline() {
        @Override
        public CompletableFuture<Void> handOver(Addressed message) {
          CompletableFuture<Void> confirm = new CompletableFuture<>();
          addressed.add(message);
          handedOver.add(confirm);
          return confirm;
        }

        @Override
        public OptionalLong backlog() {
          return OptionalLong.of(0);
        }
      };

  private ChatHarness stack;
  private MessageService messages;

  @BeforeEach
  void start() throws Exception {
    stack = new ChatHarness();
    SendAdmission onePlace = new SendAdmission(held, 1, 1000, Duration.ofSeconds(10), scheduler);
    onePlace.start();
    messages =
        new MessageService(
                stack.chats,
                stack.chatStore,
                stack.sequence,
                stack.messageStore,
                held,
                onePlace,
                stack.sendRate,
                stack.events,
                stack.localImages)
            .recentSends(new RecentSends(stack.redis, 15));
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.shutdownNow();
    stack.close();
  }

  @Test
  void aSendReturnsBeforeThePipelineTookItAndHoldsItsPlaceUntilThen() {
    ChatHarness.Pair p = stack.pair();

    CompletableFuture<Message> first =
        messages.sendAsync(
            p.ann(), p.chat(), new MessageText("one"), Optional.empty(), Optional.empty());

    assertThat(first).isNotDone();
    assertThat(addressed).singleElement().satisfies(a -> assertThat(a.firstSend()).isTrue());
    assertThatThrownBy(
            () -> messages.send(p.ann(), p.chat(), new MessageText("two"), Optional.empty()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(503));

    handedOver.get(0).complete(null);

    assertThat(first).isCompletedWithValueMatching(m -> m.text().equals("one"));
    assertThat(first.join()).isEqualTo(addressed.get(0).message());
    CompletableFuture<Message> third =
        messages.sendAsync(
            p.ann(), p.chat(), new MessageText("three"), Optional.empty(), Optional.empty());
    assertThat(third).isNotDone();
    assertThat(addressed).hasSize(2);
  }

  @Test
  void aHandOverThatFailsIsThePipelinesOwnFailureGivesThePlaceBackAndRemovesTheImage()
      throws Exception {
    ChatHarness.Pair p = stack.pair();
    ImageInspector inspector = new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));

    CompletableFuture<Message> sending =
        messages.sendImageAsync(
            p.ann(),
            p.chat(),
            inspector.inspect(TestImages.png(20, 20)),
            new Caption("look"),
            Optional.empty(),
            Optional.empty());
    assertThat(sending).isNotDone();
    assertThat(filesInStore()).isEqualTo(1);

    handedOver.get(0).completeExceptionally(new DependencyUnavailableException("The broker", null));

    assertThatThrownBy(() -> Futures.join(sending))
        .isInstanceOf(DependencyUnavailableException.class);
    Poll.until(Duration.ofSeconds(10), "the image removed", () -> filesInStore() == 0);
    CompletableFuture<Message> next =
        messages.sendAsync(
            p.ann(), p.chat(), new MessageText("again"), Optional.empty(), Optional.empty());
    assertThat(next).isNotDone();
  }

  private long filesInStore() {
    try (Stream<java.nio.file.Path> files = Files.list(stack.mediaDir)) {
      return files.filter(path -> !path.getFileName().toString().startsWith(".")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
