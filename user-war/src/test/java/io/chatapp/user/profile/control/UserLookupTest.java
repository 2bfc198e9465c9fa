package io.chatapp.user.profile.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.user.profile.entity.SearchPage;
import io.chatapp.user.profile.entity.SearchText;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.profile.entity.UserView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who sees whose email, with the two reads (users, shared chats) answered from lists. */
class UserLookupTest {

  private final User me = user("me@example.com");
  private final User friend = user("friend@example.com");
  private final User stranger = user("stranger@example.com");
  private final List<User> everyone = List.of(me, friend, stranger);
  private final List<List<UserId>> sharedChatQueries = new ArrayList<>();

  private final UserLookup lookup =
      new UserLookup(
          new UserStore() {
            @Override
            public List<User> search(SearchText text, SearchPage page) {
              return everyone;
            }

            @Override
            public Optional<User> find(UserId id) {
              return everyone.stream().filter(user -> user.id().equals(id)).findFirst();
            }

            @Override
            public List<User> findAll(Collection<UserId> ids) {
              return everyone.stream().filter(user -> ids.contains(user.id())).toList();
            }
          },
          new SharedChats() {
            @Override
            public Set<UserId> among(UserId user, Collection<UserId> others) {
              sharedChatQueries.add(List.copyOf(others));
              return user.equals(me.id()) && others.contains(friend.id())
                  ? Set.of(friend.id())
                  : Set.of();
            }
          });

  @Test
  void aSearchShowsTheEmailsOfContactsAndOfOneselfOnly() {
    Map<String, UserView> found =
        byName(lookup.search(me.id(), new SearchText("example"), new SearchPage(1, 20)));

    assertThat(found.get(me.name()).email()).isEqualTo("me@example.com");
    assertThat(found.get(friend.name()).email()).isEqualTo("friend@example.com");
    assertThat(found.get(stranger.name()).email()).isNull();
    assertThat(found.get(stranger.name()).name()).isEqualTo(stranger.name());
    assertThat(sharedChatQueries)
        .as("one look-up of shared chats for the whole page, not one per user")
        .containsExactly(List.of(friend.id(), stranger.id()));
  }

  @Test
  void whoeverTypedTheWholeAddressSeesIt() {
    Map<String, UserView> found =
        byName(
            lookup.search(me.id(), new SearchText("STRANGER@example.com"), new SearchPage(1, 20)));

    assertThat(found.get(stranger.name()).email()).isEqualTo("stranger@example.com");
    assertThat(sharedChatQueries).containsExactly(List.of(friend.id()));
  }

  @Test
  void byIdTheSameRulesHold() {
    assertThat(lookup.byId(me.id(), stranger.id()).orElseThrow().email()).isNull();
    assertThat(lookup.byId(me.id(), friend.id()).orElseThrow().email())
        .isEqualTo("friend@example.com");
    assertThat(lookup.byId(me.id(), me.id()).orElseThrow().email()).isEqualTo("me@example.com");
    assertThat(lookup.byId(stranger.id(), friend.id()).orElseThrow().email()).isNull();
    assertThat(lookup.byId(me.id(), UserId.newId())).isEmpty();
  }

  @Test
  void inBatchesTheSameRulesHoldWithOneLookUp() {
    Map<String, UserView> found =
        byName(lookup.byIds(me.id(), List.of(friend.id(), stranger.id())));

    assertThat(found.get(friend.name()).email()).isEqualTo("friend@example.com");
    assertThat(found.get(stranger.name()).email()).isNull();
    assertThat(sharedChatQueries).hasSize(1);
  }

  @Test
  void noLookUpWhenEveryEmailIsKnownAlready() {
    lookup.byId(me.id(), me.id());
    assertThat(sharedChatQueries).isEmpty();
  }

  private static Map<String, UserView> byName(List<UserView> views) {
    return views.stream().collect(Collectors.toMap(UserView::name, Function.identity()));
  }

  private static User user(String email) {
    Instant at = Instant.parse("2025-06-01T12:00:00Z");
    return new User(UserId.newId(), email.substring(0, email.indexOf('@')), email, at, at);
  }
}
