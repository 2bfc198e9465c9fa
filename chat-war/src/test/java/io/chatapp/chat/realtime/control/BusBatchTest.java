package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.realtime.entity.Frame;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records of one publish on the real-time channel, as text and back. */
class BusBatchTest {

  private static JsonObject to(String... users) {
    var ids = JSON.createArrayBuilder();
    List.of(users).forEach(ids::add);
    return JSON.createObjectBuilder().add("to", ids).build();
  }

  @Test
  void framesTravelAsTheirOwnTextWhateverTheirMessagesHold() {
    String awkward =
        Frame.of(
                "message:new",
                JSON.createObjectBuilder()
                    .add("text", "tab\there, line\nthere, \"quoted\", back\\slash, é, 😀, \u0001")
                    .build())
            .toText();
    String plain = Frame.of("typing:status", JSON.createObjectBuilder().build()).toText();
    BusBatch batch =
        new BusBatch(
            "instance-1",
            List.of(
                new BusBatch.Item(to("a", "b"), awkward),
                BusBatch.Item.order(JSON.createObjectBuilder().add("members", "chat").build()),
                new BusBatch.Item(to("c"), plain)));

    String text = batch.toText();
    assertThat(text.lines()).hasSize(4).first().isEqualTo("instance-1");
    assertThat(text).contains("\t" + awkward + "\n");

    BusBatch read = BusBatch.parse(text);
    assertThat(read).isEqualTo(batch);
    assertThat(Frame.parse(read.items().get(0).frame()).orElseThrow().data().asJsonObject())
        .containsEntry(
            "text",
            JSON.createValue("tab\there, line\nthere, \"quoted\", back\\slash, é, 😀, \u0001"));
    assertThat(read.items().get(1).frame()).isNull();
  }

  @Test
  void anEmptyBatchHasNoRecordsAndTextThatIsNotOneIsRefused() {
    assertThat(BusBatch.parse(new BusBatch("i", List.of()).toText()))
        .isEqualTo(new BusBatch("i", List.of()));
    assertThatThrownBy(() -> BusBatch.parse("no origin line")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> BusBatch.parse("i\nnot json\t{}\n")).isInstanceOf(JsonException.class);
  }

  @Test
  void anInstanceKnowsItsOwnBatchesAndABatchToAllIsNobodys() {
    String mine = new BusBatch("instance-1", List.of(new BusBatch.Item(to("a"), "{}"))).toText();
    assertThat(BusBatch.publishedBy("instance-1", mine)).isTrue();
    assertThat(BusBatch.publishedBy("instance-10", mine)).isFalse();
    assertThat(BusBatch.publishedBy("instance", mine)).isFalse();
    String toAll =
        BusBatch.toAll(List.of(BusBatch.Item.order(JSON.createObjectBuilder().build()))).toText();
    assertThat(BusBatch.publishedBy("instance-1", toAll)).isFalse();
    assertThat(BusBatch.publishedBy("", toAll)).isFalse();
  }
}
