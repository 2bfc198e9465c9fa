package io.chatapp.user.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.user.InvalidValue;
import io.chatapp.user.login.entity.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchValuesTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "@", "ab", "  ab  ", "a@", "e\u0301x"})
  void fewerThanThreeCharactersFindNobody(String typed) {
    assertThatThrownBy(() -> new SearchText(typed))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("at least 3");
  }

  @Test
  void textIsTrimmedAndNormalised() {
    assertThat(new SearchText("  bob ").value()).isEqualTo("bob");
    assertThat(new SearchText("Rene\u0301").value()).isEqualTo("René");
  }

  @Test
  void aHundredCharactersAtMost() {
    assertThat(new SearchText("x".repeat(100)).value()).hasSize(100);
    assertThatThrownBy(() -> new SearchText("x".repeat(101))).isInstanceOf(InvalidValue.class);
  }

  @Test
  void aWholeAddressIsRecognisedInAnyCase() {
    SearchText text = new SearchText(" Ann.Lee@Example.com ");
    assertThat(text.wholeEmail()).contains(new Email("ann.lee@example.com"));
    assertThat(text.isWholeEmailOf("ann.lee@example.com")).isTrue();
    assertThat(text.isWholeEmailOf("lee@example.com")).isFalse();
    assertThat(text.isWholeEmailOf(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"@example.com", "ann.lee@", "ann.lee@example", "lee@exa", "ann lee"})
  void aPartOfAnAddressIsNoAddress(String typed) {
    SearchText text = new SearchText(typed);
    assertThat(text.wholeEmail()).isEmpty();
    assertThat(text.isWholeEmailOf("ann.lee@example.com")).isFalse();
  }

  @Test
  void pagesHoldOneToTwentyUsers() {
    assertThat(new SearchPage(3, 20).skip()).isEqualTo(40);
    assertThatThrownBy(() -> new SearchPage(1, 21)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new SearchPage(1, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new SearchPage(0, 20)).hasMessageContaining("page");
    assertThatThrownBy(() -> new SearchPage(Integer.MAX_VALUE, 20)).hasMessageContaining("page");
    assertThat(new SearchPage(SearchPage.MAX_NUMBER, 20).skip()).isPositive();
  }

  @Test
  void aViewWithoutEmailKeepsTheRest() {
    UserView view = new UserView("id", "Ann", "ann@example.com", "c", "u");
    assertThat(view.withoutEmail()).isEqualTo(new UserView("id", "Ann", null, "c", "u"));
  }
}
