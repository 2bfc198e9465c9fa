package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatCounts;
import io.chatapp.chat.chats.control.ChatSequence;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.realtime.control.Viewing;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps accepted messages take, called by the {@link MessagePipeline} with whatever batch it
 * has at hand: {@link #store} them (read at once when the recipient looks at the chat), then {@link
 * #deliver} them to the sockets and {@link #announce} them ({@code message:read} to the sender,
 * else {@code chat:refresh} to the recipient). Every step may run again for the same messages (a
 * redelivery, a retry after a failure) and leaves the same result. Storing a batch costs one bulk
 * write for its chats and one insert; delivering and announcing cost no database write.
 */
@ApplicationScoped
public class MessageSteps {

  private static final Logger LOG = Logger.getLogger(MessageSteps.class.getName());

  /** Sequence numbers tried past a taken one before the step fails and is retried later. */
  private static final int MAX_RENUMBERS = 1000;

  @Inject MessageStore messages;
  @Inject ChatCounts counts;
  @Inject ChatSequence sequence;
  @Inject Viewing viewing;
  @Inject DomainEvents events;

  public MessageSteps() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageSteps(
      MessageStore messages,
      ChatCounts counts,
      ChatSequence sequence,
      Viewing viewing,
      DomainEvents events) {
    this.messages = messages;
    this.counts = counts;
    this.sequence = sequence;
    this.viewing = viewing;
    this.events = events;
  }

  /**
   * Stores the messages exactly once, each counted on its chat exactly once, and returns them as
   * stored, in order in each chat. A message whose recipient is looking at its chat right now is
   * stored read, and not counted as unread. The chats count their messages in one bulk write; then
   * all are inserted in one journaled write, so a message is in the history, durably, before
   * anything is said about it. A message stored before is counted no more: a redelivery of it is
   * returned as it was stored (delivered again, as its first delivery may not have been handed on),
   * another copy of it (a retried send with the same client id, which got its own number) is left
   * out, as the copy stored is delivered on its own.
   */
  public List<Addressed> store(List<Addressed> batch) {
    return store(batch, true);
  }

  /**
   * Stores the messages as {@link #store(List)} does. When none of them may have been handled
   * before ({@code maybeHandledBefore} false: the pipeline hands them over for the first time) and
   * each is the first send of its id ({@link Addressed#firstSend}), none can be stored yet, and the
   * look-up of stored copies is skipped: a round trip and a tenth of the step at 1,000 msg/s.
   */
  public List<Addressed> store(List<Addressed> batch, boolean maybeHandledBefore) {
    StorageBatchEvent event = new StorageBatchEvent();
    event.begin();
    long began = System.nanoTime();
    Map<MessageId, Addressed> fresh = new LinkedHashMap<>();
    batch.forEach(addressed -> fresh.putIfAbsent(addressed.message().id(), addressed));
    List<Addressed> result = new ArrayList<>();
    if (maybeHandledBefore || !batch.stream().allMatch(Addressed::firstSend)) {
      for (Message stored : messages.findAll(List.copyOf(fresh.keySet()))) {
        Addressed copy = fresh.remove(stored.id());
        if (copy.message().seq() == stored.seq()) {
          result.add(copy.with(stored));
        }
      }
    }
    if (fresh.isEmpty()) {
      return result;
    }
    long foundAt = System.nanoTime();
    Map<ChatId, Set<UserId>> viewers = viewers(fresh.values());
    long askedAt = System.nanoTime();
    Instant now = IsoTime.now();
    Map<ChatId, List<ChatCounts.NewMessage>> byChat = new LinkedHashMap<>();
    Set<ChatId> groups = new HashSet<>();
    List<Message> toInsert = new ArrayList<>();
    for (Addressed a : fresh.values()) {
      Message message = a.message();
      boolean readNow =
          !a.isGroup() && viewers.getOrDefault(message.chatId(), Set.of()).contains(a.recipient());
      if (a.isGroup()) {
        groups.add(message.chatId());
      }
      toInsert.add(readNow ? message.withSeen(now) : message);
      byChat
          .computeIfAbsent(message.chatId(), chat -> new ArrayList<>())
          .add(
              new ChatCounts.NewMessage(
                  message.id(),
                  message.seq(),
                  message.sender(),
                  readNow || a.isGroup() ? null : a.recipient(),
                  message.preview(),
                  message.messageType(),
                  message.createdAt()));
    }
    counts.countAll(byChat, groups);
    long countedAt = System.nanoTime();
    MessageStore.Inserted inserted = messages.insertAll(toInsert);
    long insertedAt = System.nanoTime();
    inserted.stored().forEach(m -> result.add(fresh.get(m.id()).with(m)));
    inserted.already().stream()
        .filter(m -> m.seq() == fresh.get(m.id()).message().seq())
        .forEach(m -> result.add(fresh.get(m.id()).with(m)));
    inserted.seqTaken().forEach(m -> result.add(fresh.get(m.id()).with(renumber(m))));
    result.sort(
        Comparator.comparing((Addressed a) -> a.message().chatId().value())
            .thenComparingLong(a -> a.message().seq()));
    if (event.shouldCommit()) {
      event.messages = toInsert.size();
      event.chats = byChat.size();
      event.finding = foundAt - began;
      event.viewers = askedAt - foundAt;
      event.counting = countedAt - askedAt;
      event.inserting = insertedAt - countedAt;
      event.commit();
    }
    return result;
  }

  /**
   * Who of the 1:1 recipients look at the chats of these messages now (one round trip). Group
   * members are not asked: they mark what they read themselves, one read position each.
   */
  private Map<ChatId, Set<UserId>> viewers(Collection<Addressed> batch) {
    Map<ChatId, Set<UserId>> asked = new HashMap<>();
    batch.stream()
        .filter(a -> !a.isGroup())
        .forEach(
            a ->
                asked
                    .computeIfAbsent(a.message().chatId(), chat -> new HashSet<>())
                    .add(a.recipient()));
    return viewing.viewers(asked);
  }

  /**
   * Stores a message whose sequence number was taken (the chat's counter fell behind what is
   * stored: Redis restarted empty while it was on its way) under the next free number.
   */
  private Message renumber(Message message) {
    Message candidate = message;
    for (int renumbered = 0; renumbered < MAX_RENUMBERS; renumbered++) {
      long next = sequence.nextAbove(candidate.chatId(), candidate.seq());
      LOG.log(
          Level.WARNING,
          "Sequence number {0} of chat {1} was taken (its counter fell behind); using {2}",
          new Object[] {candidate.seq(), candidate.chatId(), next});
      candidate = candidate.withSeq(next);
      MessageStore.Inserted again = messages.insertAll(List.of(candidate));
      if (!again.stored().isEmpty()) {
        counts.storedUpTo(candidate.chatId(), next);
        return candidate;
      }
      if (!again.already().isEmpty()) {
        return again.already().get(0);
      }
    }
    throw new IllegalStateException("No free sequence number in chat " + message.chatId());
  }

  /**
   * Hands a stored batch on: {@link #deliver} it, then {@link #announce} it; completes once all
   * their frames have left this instance, and only then may the batch count as done.
   */
  public CompletableFuture<Void> handOn(List<Addressed> stored) {
    CompletableFuture<Void> delivered = deliver(stored);
    return CompletableFuture.allOf(delivered, announce(stored));
  }

  /**
   * {@code message:new} to each recipient's sockets and the sender's other ones; completes once
   * those frames have left this instance, and only then may the step count as done.
   */
  public CompletableFuture<Void> deliver(List<Addressed> stored) {
    for (Addressed a : stored) {
      Message message = a.message();
      events.fire(
          new MessageSent(
              message, message.chatId(), message.sender(), a.recipient(), a.recipients()));
    }
    return events.handedOn();
  }

  /**
   * The senders of messages stored read (their recipient was looking at the chat) hear that they
   * were read, one notice per chat; a recipient who was not looking hears {@code chat:refresh} for
   * each, so their chat list moves and counts. Group messages need neither. Completes once those
   * frames have left this instance.
   */
  public CompletableFuture<Void> announce(List<Addressed> stored) {
    Map<List<UserId>, List<Message>> read = new LinkedHashMap<>();
    for (Addressed a : stored) {
      Message message = a.message();
      if (a.isGroup()) {
        continue; // every member had message:new; their chat lists count from read positions
      }
      if (message.seen()) {
        read.computeIfAbsent(List.of(a.recipient(), message.sender()), k -> new ArrayList<>())
            .add(message);
      } else {
        events.fire(new ChatRefresh(message, a.recipient()));
      }
    }
    read.forEach(
        (readerAndSender, messages) ->
            events.fire(
                new MessagesRead(
                    messages.get(0).chatId(),
                    readerAndSender.get(0),
                    readerAndSender.get(1),
                    messages.stream().map(Message::id).toList())));
    return events.handedOn();
  }
}
