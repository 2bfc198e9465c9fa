package io.chatapp.user.profile.control;

import io.chatapp.user.profile.entity.SearchPage;
import io.chatapp.user.profile.entity.SearchText;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.profile.entity.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Other users as the caller may see them: a user's email goes only to that user, to those who share
 * a chat with them, and, in a search, to whoever typed it whole (and so knew it). Everyone else
 * gets the name alone, however they found the user (by name, or by id from a search). At most one
 * look-up of shared chats per call, whatever the number of users.
 */
@ApplicationScoped
public class UserLookup {

  @Inject UserStore users;
  @Inject SharedChats sharedChats;

  public UserLookup() {}

  /** For use outside the container (tests). */
  public UserLookup(UserStore users, SharedChats sharedChats) {
    this.users = users;
    this.sharedChats = sharedChats;
  }

  /** One page of the users the caller finds with this text. */
  public List<UserView> search(UserId caller, SearchText text, SearchPage page) {
    return seenBy(caller, users.search(text, page), user -> text.isWholeEmailOf(user.email()));
  }

  /** One user by id. */
  public Optional<UserView> byId(UserId caller, UserId id) {
    return users.find(id).map(user -> seenBy(caller, List.of(user), any -> false).get(0));
  }

  /** The users among these ids that exist, in no particular order. */
  public List<UserView> byIds(UserId caller, Collection<UserId> ids) {
    return seenBy(caller, users.findAll(ids), user -> false);
  }

  private List<UserView> seenBy(UserId caller, List<User> found, Predicate<User> emailKnown) {
    List<UserId> toCheck =
        found.stream()
            .filter(user -> !user.id().equals(caller) && !emailKnown.test(user))
            .map(User::id)
            .toList();
    Set<UserId> contacts = toCheck.isEmpty() ? Set.of() : sharedChats.among(caller, toCheck);
    return found.stream()
        .map(
            user -> {
              UserView view = UserView.of(user);
              boolean hidden = toCheck.contains(user.id()) && !contacts.contains(user.id());
              return hidden ? view.withoutEmail() : view;
            })
        .toList();
  }
}
