package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;

import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code {"userIds": [...]}}: the people to add to a group. (The count is checked here, not by
 * {@code @Size}: Payara's OpenAPI scanner fails on {@code @Size} on a record's list.)
 */
public record MembersRequest(@NotNull(message = "userIds is required") List<String> userIds) {

  /** More ids than any group holds are refused before any is read. */
  private static final int MAX_IDS = 1000;

  /** The people named, each once; 400 with what is wrong otherwise. */
  NewMembers members() {
    return parse(() -> new NewMembers(users(userIds)));
  }

  /** The ids as user ids; 400 when one is not a user id. */
  static List<UserId> users(List<String> ids) {
    if (ids.size() > MAX_IDS) {
      throw Refusal.badRequest("userIds names too many users");
    }
    return ids.stream().map(id -> parse(() -> new UserId(id))).toList();
  }
}
