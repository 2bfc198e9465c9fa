package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Delivery;
import io.chatapp.chat.messages.entity.MemberDelivery;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessagesDelivered;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the instance holding the sockets reports of new messages that reached them (✓✓ in grey): a
 * 1:1 message is marked delivered once and its sender hears it ({@link MessagesDelivered}, one per
 * sender and chat); a group member's delivered position moves (one write per group). How late the
 * oldest of them arrived tells admission control whether the pipeline keeps up. The messages were
 * stored before they were delivered, so there is nothing to wait for.
 */
@ApplicationScoped
public class Deliveries {

  @Inject MessageStore messages;
  @Inject GroupReads groupReads;
  @Inject SendAdmission admission;
  @Inject DomainEvents events;

  public Deliveries() {}

  /** For use outside the container (tests, benchmarks). */
  public Deliveries(
      MessageStore messages, GroupReads groupReads, SendAdmission admission, DomainEvents events) {
    this.messages = messages;
    this.groupReads = groupReads;
    this.admission = admission;
    this.events = events;
  }

  /** 1:1 messages reached their recipients' sockets. */
  public void ofMessages(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    admission.delivering(oldest(deliveries, Delivery::sentAt));
    List<Delivery> unread = deliveries.stream().filter(d -> !d.readOnArrival()).toList();
    if (unread.isEmpty()) {
      return;
    }
    Set<MessageId> fresh =
        Set.copyOf(
            messages.markDelivered(
                unread.stream().map(Delivery::messageId).toList(), IsoTime.now()));
    unread.stream()
        .filter(delivery -> fresh.contains(delivery.messageId()))
        .collect(
            Collectors.groupingBy(
                delivery -> List.of(delivery.senderId(), delivery.chatId()),
                LinkedHashMap::new,
                Collectors.toList()))
        .values()
        .forEach(
            delivered ->
                events.fire(
                    new MessagesDelivered(
                        delivered.get(0).chatId(),
                        delivered.get(0).senderId(),
                        delivered.stream().map(Delivery::messageId).distinct().toList())));
  }

  /** Group messages reached members' sockets: each member's position moves to the highest. */
  public void ofGroupMessages(List<MemberDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    admission.delivering(oldest(deliveries, MemberDelivery::sentAt));
    Map<ChatId, Map<UserId, Long>> upTo = new HashMap<>();
    for (MemberDelivery delivery : deliveries) {
      upTo.computeIfAbsent(delivery.chatId(), chat -> new HashMap<>())
          .merge(delivery.member(), delivery.seq(), Math::max);
    }
    groupReads.delivered(upTo);
  }

  private static <T> Instant oldest(Collection<T> deliveries, Function<T, Instant> sentAt) {
    return deliveries.stream().map(sentAt).min(Comparator.naturalOrder()).orElseThrow();
  }
}
