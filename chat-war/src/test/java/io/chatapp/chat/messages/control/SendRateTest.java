package io.chatapp.chat.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class SendRateTest {

  @Test
  void aUserPastTheBurstGets429WithRetryAfterAndOthersAreNotAffected() {
    SendRate rate = new SendRate(1, 3);
    UserId fast = new UserId(new ObjectId().toHexString());
    UserId other = new UserId(new ObjectId().toHexString());
    for (int i = 0; i < 3; i++) {
      rate.take(fast);
    }
    assertThatThrownBy(() -> rate.take(fast))
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> {
              assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(429);
              assertThat(RefusalMapper.response(e).getHeaderString("Retry-After")).isEqualTo("1");
              assertThat(e.getMessage()).contains("too fast");
            });
    assertThatCode(() -> rate.take(other)).doesNotThrowAnyException();
  }
}
