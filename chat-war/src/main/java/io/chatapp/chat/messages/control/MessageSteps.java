package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.realtime.control.Viewing;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps an accepted message takes, called by the {@link MessagePipeline}: {@link #store} it,
 * then {@link #deliver} it to the sockets and {@link #announce} it (read at once by a recipient
 * looking at the chat, else {@code chat:refresh}). Every step may run again for the same message (a
 * redelivery, a retry after a failure) and leaves the same result.
 */
@ApplicationScoped
public class MessageSteps {

  private static final Logger LOG = Logger.getLogger(MessageSteps.class.getName());

  /** Sequence numbers tried past a taken one before the step fails and is retried later. */
  private static final int MAX_RENUMBERS = 1000;

  @Inject MessageStore messages;
  @Inject ChatStore chats;
  @Inject MessageService service;
  @Inject Viewing viewing;
  @Inject DomainEvents events;

  public MessageSteps() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageSteps(
      MessageStore messages,
      ChatStore chats,
      MessageService service,
      Viewing viewing,
      DomainEvents events) {
    this.messages = messages;
    this.chats = chats;
    this.service = service;
    this.viewing = viewing;
    this.events = events;
  }

  /**
   * Stores the message exactly once and counts it on its chat exactly once. Returns the message to
   * deliver, or empty when another copy of it (a retried send with the same client id) was stored
   * first and is delivered on its own.
   */
  public Optional<Message> store(Message message, UserId recipient) {
    Message candidate = message;
    for (int renumbered = 0; ; renumbered++) {
      MessageStore.Insert insert = messages.insert(candidate);
      switch (insert.outcome()) {
        case STORED -> {
          count(insert.stored(), recipient);
          return Optional.of(insert.stored());
        }
        case ALREADY -> {
          Message stored = insert.stored();
          if (!insert.counted()) {
            count(stored, recipient); // the first attempt stopped before it was counted
          }
          return stored.seq() == candidate.seq() ? Optional.of(stored) : Optional.empty();
        }
        case SEQ_TAKEN -> {
          if (renumbered >= MAX_RENUMBERS) {
            throw new IllegalStateException("No free sequence number in chat " + message.chatId());
          }
          long next = chats.nextSeqAbove(candidate.chatId(), candidate.seq());
          LOG.log(
              Level.WARNING,
              "Sequence number {0} of chat {1} was taken (its counter fell behind); using {2}",
              new Object[] {candidate.seq(), candidate.chatId(), next});
          candidate = candidate.withSeq(next);
        }
      }
    }
  }

  /**
   * Counts the message on its chat, then notes on the message that it was: a later attempt that
   * finds it noted skips counting, and one that comes between the two writes is recognised by the
   * chat itself ({@link ChatStore#recordMessage}).
   */
  private void count(Message stored, UserId recipient) {
    chats.recordMessage(
        stored.chatId(),
        stored.id(),
        stored.seq(),
        stored.sender(),
        recipient,
        stored.preview(),
        stored.createdAt());
    messages.markCounted(stored.id());
  }

  /** {@code message:new} to the recipient's sockets and the sender's other ones. */
  public void deliver(Message stored, UserId recipient) {
    events.fire(new MessageSent(stored, stored.chatId(), stored.sender(), recipient));
  }

  /**
   * A recipient looking at the chat has read the message at once; one who is not hears {@code
   * chat:refresh} so their chat list moves and counts.
   */
  public void announce(Message stored, UserId recipient) {
    if (viewing.isViewing(recipient, stored.chatId())) {
      service.readOnArrival(stored, recipient);
    } else {
      events.fire(new ChatRefresh(stored, recipient));
    }
  }
}
