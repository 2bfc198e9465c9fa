package io.chatapp.user.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.user.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserValuesTest {

  @Test
  void userIdsAreObjectIdHex() {
    UserId id = UserId.newId();
    assertThat(id.value()).matches("[0-9a-f]{24}");
    assertThat(id.objectId().toHexString()).isEqualTo(id.value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "zzz",
        "0123456789abcdef0123456",
        "0123456789ABCDEF01234567",
        "xxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void malformedIdsAreRefused(String raw) {
    assertThatThrownBy(() -> new UserId(raw))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("Malformed user id");
  }

  @Test
  void namesAreTrimmedAndOneToFiftyCharacters() {
    assertThat(new UserName("  Ann Lee ").value()).isEqualTo("Ann Lee");
    assertThat(new UserName("x".repeat(50)).value()).hasSize(50);
    assertThat(new UserName("😀".repeat(50)).value()).hasSize(100); // 50 characters, 100 chars
    assertThatThrownBy(() -> new UserName("x".repeat(51))).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> new UserName("   ")).hasMessage("name must be 1 to 50 characters");
    assertThatThrownBy(() -> new UserName(null)).hasMessage("name is required");
  }

  @Test
  void theViewHasTheOriginalFieldsAndJavaScriptTimes() {
    User user =
        new User(
            new UserId("0123456789abcdef01234567"),
            "Ann",
            "ann@example.com",
            Instant.parse("2025-01-02T03:04:05Z"),
            Instant.parse("2025-01-02T03:04:05.678901Z"));
    UserView view = UserView.of(user);
    assertThat(view.id()).isEqualTo("0123456789abcdef01234567");
    assertThat(view.createdAt()).isEqualTo("2025-01-02T03:04:05.000Z");
    assertThat(view.updatedAt()).isEqualTo("2025-01-02T03:04:05.678Z");
  }
}
