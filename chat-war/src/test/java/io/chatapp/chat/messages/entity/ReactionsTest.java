package io.chatapp.chat.messages.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.users.entity.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReactionsTest {

  private static final UserId ANN = new UserId("65a1b2c3d4e5f60718293a02");
  private static final UserId BOB = new UserId("65a1b2c3d4e5f60718293a03");
  private static final UserId CID = new UserId("65a1b2c3d4e5f60718293a04");
  private static final Emoji THUMBS = new Emoji("👍");
  private static final Emoji HEART = new Emoji("❤️");

  @Test
  void theSameEmojiAgainTakesTheReactionBackAnotherReplacesIt() {
    Reactions reactions = new Reactions(Map.of(ANN, THUMBS));
    assertThat(reactions.toggled(ANN, THUMBS)).isEmpty();
    assertThat(reactions.toggled(ANN, HEART)).contains(HEART);
    assertThat(reactions.toggled(BOB, THUMBS)).contains(THUMBS);
  }

  @Test
  void theyAreShownGroupedByEmoji() {
    Map<UserId, Emoji> byUser = new LinkedHashMap<>();
    byUser.put(ANN, THUMBS);
    byUser.put(BOB, HEART);
    byUser.put(CID, THUMBS);
    assertThat(MessageJson.reactions(new Reactions(byUser)).toString())
        .isEqualTo(
            "{\"👍\":[\""
                + ANN.value()
                + "\",\""
                + CID.value()
                + "\"],\"❤️\":[\""
                + BOB.value()
                + "\"]}");
    assertThat(MessageJson.reactions(Reactions.NONE).toString()).isEqualTo("{}");
  }
}
