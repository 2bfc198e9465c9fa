package io.chatapp.chat.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.ObservedEvents.Seen;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.support.TestBed;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.testsupport.Poll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message pipeline inside Payara Micro: the real WAR's CDI wiring, its RabbitMQ consumers on
 * the container's threads and its CDI events reaching an observer deployed beside EventRelay.
 * Outside the container {@code RecordingEvents} stands in for CDI and cannot show which thread
 * delivers an event, or what an observer's failure does to a pipeline step.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineEventsIT {

  @Deployment
  static WebArchive deployment() {
    return TestBed.deployment(PipelineEventsIT.class, ObservedEvents.class, Poll.class);
  }

  @Inject ChatService chats;
  @Inject MessageService messages;
  @Inject ObservedEvents observed;

  UserId ann;
  UserId bob;
  UserId cid;

  /** The stand-in's users, named in the deployment's settings (read inside the container). */
  @BeforeEach
  void users() {
    ann = user("ann");
    bob = user("bob");
    cid = user("cid");
  }

  @Test
  void aNewChatIsObservedOnTheThreadThatStartedIt() {
    ChatId chat = chats.start(cid, ann, "token").chat().id();

    assertThat(observed.of(ChatCreated.class))
        .filteredOn(seen -> ((ChatCreated) seen.event()).chatId().equals(chat))
        .singleElement()
        .satisfies(
            seen -> {
              assertThat(seen.event()).isEqualTo(new ChatCreated(chat, cid, ann));
              assertThat(seen.thread()).isEqualTo(Thread.currentThread().getName());
            });
  }

  @Test
  void aSentMessageIsStoredByTheBrokersConsumersThenDeliveredAndAnnounced() {
    ChatId chat = chats.start(ann, bob, "token").chat().id();

    Message sent = send(chat, "hello " + UUID.randomUUID());

    Seen delivered = awaitSent(sent, 1).get(0);
    assertThat(delivered.event()).isEqualTo(new MessageSent(sent, chat, ann, bob));
    assertThat(delivered.storedAlready()).as("stored before it was delivered").isTrue();
    assertThat(delivered.thread()).isNotEqualTo(Thread.currentThread().getName());
    Poll.until(
        Duration.ofSeconds(10),
        "chat:refresh for Bob, who is not looking at the chat",
        () ->
            observed.of(ChatRefresh.class).stream()
                .map(seen -> (ChatRefresh) seen.event())
                .anyMatch(
                    refresh ->
                        refresh.recipientId().equals(bob)
                            && refresh.message().id().equals(sent.id())));
  }

  @Test
  void anObserverThatFailsMakesTheDeliveryStepRetryTheMessage() {
    ChatId chat = chats.start(ann, bob, "token").chat().id();
    String text = "fail once " + UUID.randomUUID();
    observed.failOnceOn(text);

    Message sent = send(chat, text);

    List<Seen> deliveries = awaitSent(sent, 2);
    assertThat(deliveries).allSatisfy(seen -> assertThat(seen.storedAlready()).isTrue());
  }

  private Message send(ChatId chat, String text) {
    return messages.send(ann, chat, new MessageText(text), Optional.empty());
  }

  /** Waits until the observer saw {@code MessageSent} for this message {@code times} times. */
  private List<Seen> awaitSent(Message message, int times) {
    Poll.until(
        Duration.ofSeconds(15),
        "message:new for " + message.id() + " observed " + times + " times",
        () -> sentOf(message).size() >= times);
    return sentOf(message);
  }

  private List<Seen> sentOf(Message message) {
    return observed.of(MessageSent.class).stream()
        .filter(seen -> ((MessageSent) seen.event()).message().id().equals(message.id()))
        .toList();
  }

  private static UserId user(String name) {
    return new UserId(ConfigProvider.getConfig().getValue("test.user." + name, String.class));
  }
}
