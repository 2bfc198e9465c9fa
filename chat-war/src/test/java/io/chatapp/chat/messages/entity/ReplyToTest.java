package io.chatapp.chat.messages.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplyToTest {

  private static final ChatId CHAT = new ChatId("65a1b2c3d4e5f60718293a01");
  private static final UserId ANN = new UserId("65a1b2c3d4e5f60718293a02");
  private static final MessageImage IMAGE =
      new MessageImage("http://chat.test/api/v1/media/abc", "abc");

  private static Message message(String text, MessageImage image) {
    return new Message(
        MessageId.fresh(), CHAT, 7, ANN, text, image, false, null, Instant.now(), null);
  }

  private static Message deleted(Message m) {
    return new Message(
        m.id(),
        CHAT,
        7,
        ANN,
        "",
        null,
        false,
        null,
        m.createdAt(),
        null,
        false,
        null,
        null,
        true,
        Reactions.NONE);
  }

  @Test
  void aShortTextIsQuotedWhole() {
    Message original = message("see you at 8", null);
    ReplyTo quote = ReplyTo.of(original);
    assertThat(quote.id()).isEqualTo(original.id());
    assertThat(quote.sender()).isEqualTo(ANN);
    assertThat(quote.text()).isEqualTo("see you at 8");
    assertThat(MessageJson.replyTo(quote).toString())
        .isEqualTo(
            "{\"_id\":\""
                + original.id()
                + "\",\"sender\":\""
                + ANN.value()
                + "\",\"text\":\"see you at 8\"}");
  }

  @Test
  void aLongTextIsCutAtOneHundredCharacters() {
    String text = "x".repeat(99) + "yz" + "more";
    assertThat(ReplyTo.of(message(text, null)).text()).isEqualTo("x".repeat(99) + "y");
    assertThat(ReplyTo.of(message("x".repeat(100), null)).text()).hasSize(100);
  }

  @Test
  void theCutNeverSplitsAnEmojiOrASurrogatePair() {
    String text = "a".repeat(98) + "👨‍👩‍👧" + "tail";
    assertThat(ReplyTo.of(message(text, null)).text()).isEqualTo("a".repeat(98));
    String thumbs = "👍".repeat(150);
    String cut = ReplyTo.of(message(thumbs, null)).text();
    assertThat(cut).isEqualTo("👍".repeat(100));
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(100);
  }

  @Test
  void anImageWithoutTextIsQuotedAsAnImage() {
    assertThat(ReplyTo.of(message("", IMAGE)).text()).isEqualTo("📷 Image");
    assertThat(ReplyTo.of(message("the view", IMAGE)).text()).isEqualTo("the view");
  }

  @Test
  void aDeletedOriginalIsQuotedWithoutText() {
    ReplyTo quote = ReplyTo.of(deleted(message("secret", null)));
    assertThat(quote.deleted()).isTrue();
    assertThat(quote.text()).isNull();
    assertThat(MessageJson.replyTo(quote).containsKey("text")).isFalse();
    assertThat(MessageJson.replyTo(quote).getBoolean("deleted")).isTrue();
  }

  @Test
  void aMessageShowsWhatWasDoneToIt() {
    Message plain = message("hi", null);
    assertThat(MessageJson.of(plain).keySet())
        .containsExactly(
            "_id",
            "chatId",
            "sender",
            "text",
            "image",
            "messageType",
            "seen",
            "seenAt",
            "delivered",
            "deliveredAt",
            "createdAt");
    Message gone = deleted(plain);
    assertThat(MessageJson.of(gone).keySet())
        .containsExactly("_id", "chatId", "sender", "deleted", "createdAt");
    Message reply = message("yes", null).withReplyTo(ReplyTo.of(plain));
    assertThat(MessageJson.of(reply).getJsonObject("replyTo").getString("text")).isEqualTo("hi");
  }
}
