package io.chatapp.user.profile.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import io.chatapp.user.profile.entity.SearchText;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
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

  @Test
  void aPartOfAnAddressIsMatchedAgainstNamesOnly() {
    assertThat(json(UserStore.searchFilter(new SearchText("@example.com"))))
        .contains("\"name\"")
        .doesNotContain("\"email\"");
  }

  @Test
  void aWholeAddressAlsoFindsItsOwnerByEmailEquality() {
    String filter = json(UserStore.searchFilter(new SearchText("Ann@Example.com")));
    assertThat(filter).contains("\"email\": \"ann@example.com\"").contains("\"name\"");
    assertThat(filter).doesNotContain("\"email\": {");
  }

  private static String json(Bson filter) {
    return filter
        .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry())
        .toJson();
  }
}
