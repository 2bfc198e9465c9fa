package io.chatapp.chat.chats.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * The count's filter and update, built as BSON documents ({@link ChatCounts#uncounted}, {@link
 * ChatCounts#countOf}), are what the driver's builders render for the same write: the builders'
 * version, as it was written before, is the oracle here.
 */
class ChatCountWriteTest {

  private static final ChatId CHAT = new ChatId("6b16cb56a1d1529e05eeac7f");
  private static final UserId ANN = new UserId("6b16cb56a1d1529e05eeac01");
  private static final UserId BOB = new UserId("6b16cb56a1d1529e05eeac02");
  private static final UserId CAT = new UserId("6b16cb56a1d1529e05eeac03");
  private static final Instant T0 = Instant.parse("2026-12-07T15:00:00.123Z");

  @Test
  void theFilterIsTheBuildersAndOfTheChatAndItsUncountedIds() {
    List<ChatCounts.NewMessage> messages =
        List.of(message(1, 7, ANN, BOB), message(2, 8, BOB, ANN));

    assertThat(ChatCountWrite.uncounted(CHAT, messages))
        .isEqualTo(
            rendered(
                Filters.and(
                    Filters.eq("_id", CHAT.value()),
                    Filters.nin("counted", messages.stream().map(m -> m.id().value()).toList()))));
  }

  @Test
  void aOneToOneBatchCountsUnreadPerRecipientAndTheNewestAsLatest() {
    List<ChatCounts.NewMessage> messages =
        List.of(
            message(1, 9, ANN, BOB),
            message(2, 7, ANN, BOB),
            message(3, 8, BOB, null), // read on arrival: no unread counted
            message(4, 10, BOB, ANN));

    assertThat(ChatCountWrite.countOf(messages, false))
        .isEqualTo(rendered(builders(messages, false)));
  }

  @Test
  void aGroupBatchMovesEachSendersReadPositionToTheirNewestMessage() {
    List<ChatCounts.NewMessage> messages =
        List.of(
            message(1, 12, ANN, null),
            message(2, 11, ANN, null),
            message(3, 13, BOB, null),
            message(4, 14, CAT, null));

    assertThat(ChatCountWrite.countOf(messages, true))
        .isEqualTo(rendered(builders(messages, true)));
  }

  @Test
  void aMessageWithoutPreviewOrTypeKeepsThemNull() {
    List<ChatCounts.NewMessage> messages =
        List.of(new ChatCounts.NewMessage(id(1), 3, ANN, BOB, null, null, T0));

    assertThat(ChatCountWrite.countOf(messages, false))
        .isEqualTo(rendered(builders(messages, false)));
  }

  @Test
  void nothingToCountIsRefused() {
    assertThatThrownBy(() -> ChatCountWrite.countOf(List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The count's update as the driver's builders wrote it before (the oracle). */
  private static Bson builders(List<ChatCounts.NewMessage> messages, boolean group) {
    Map<String, Integer> unread = new HashMap<>();
    ChatCounts.NewMessage newest = messages.get(0);
    Instant latestAt = newest.at();
    for (ChatCounts.NewMessage message : messages) {
      if (message.unreadFor() != null) {
        unread.merge("unread." + message.unreadFor().value(), 1, Integer::sum);
      }
      newest = message.seq() > newest.seq() ? message : newest;
      latestAt = message.at().isAfter(latestAt) ? message.at() : latestAt;
    }
    List<Bson> updates = new ArrayList<>();
    unread.forEach((field, count) -> updates.add(Updates.inc(field, count)));
    if (group) {
      Map<UserId, ChatCounts.NewMessage> bySender = new HashMap<>();
      messages.forEach(
          message ->
              bySender.merge(message.sender(), message, (a, b) -> a.seq() >= b.seq() ? a : b));
      bySender.forEach(
          (sender, message) ->
              updates.add(
                  Updates.max(
                      "read." + sender.value(),
                      new Document("seq", message.seq()).append("at", Date.from(message.at())))));
    }
    updates.add(Updates.max("updatedAt", Date.from(latestAt)));
    updates.add(Updates.max("seq", newest.seq()));
    updates.add(
        Updates.max(
            "latest",
            new Document("seq", newest.seq())
                .append("text", newest.preview())
                .append("sender", newest.sender().value())
                .append("messageType", newest.messageType())));
    updates.add(
        Updates.pushEach(
            "counted",
            messages.stream().map(message -> message.id().value()).toList(),
            new PushOptions().slice(-ChatCountWrite.COUNTED_IDS)));
    if (!group) {
      updates.add(
          Updates.addEachToSet(
              "spoke", messages.stream().map(m -> m.sender().value()).distinct().toList()));
    }
    return Updates.combine(updates);
  }

  private static BsonDocument rendered(Bson bson) {
    return bson.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
  }

  private static ChatCounts.NewMessage message(int n, long seq, UserId sender, UserId unreadFor) {
    return new ChatCounts.NewMessage(
        id(n), seq, sender, unreadFor, "text " + n, "text", T0.plusMillis(1000 - 10L * seq));
  }

  private static MessageId id(int n) {
    return new MessageId(String.format("6b16cb56a1d1529e05ee%04x", n));
  }
}
