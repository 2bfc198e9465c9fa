package io.chatapp.user.profile.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserStoreTest {

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "x+y@z.com", "(hi)", "[a-z]*", "back\\slash", "^$|?{2}", "plain"})
  void searchTextMatchesOnlyItself(String text) {
    Pattern pattern = Pattern.compile(UserStore.literal(text));
    assertThat(pattern.matcher("before " + text + " after").find()).isTrue();
  }

  @Test
  void regexCharactersLoseTheirMeaning() {
    assertThat(Pattern.compile(UserStore.literal("a.c")).matcher("abc").find()).isFalse();
    assertThat(Pattern.compile(UserStore.literal(".*")).matcher("anything").find()).isFalse();
  }
}
