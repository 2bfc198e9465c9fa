package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;

import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.users.entity.UserId;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** {@code {"name": ..., "userIds": [...]}}: a group to make, with the people besides its maker. */
public record NewGroupRequest(
    @NotNull(message = "name is required") String name,
    @NotNull(message = "userIds is required") List<String> userIds) {

  /** The group's name; 400 when it breaks {@link GroupName}'s rules. */
  GroupName groupName() {
    return parse(() -> new GroupName(name));
  }

  /** The members besides {@code creator}: 2 to 255 people, each once, never the creator. */
  NewMembers members(UserId creator) {
    List<UserId> users = MembersRequest.users(userIds);
    return parse(() -> NewMembers.forGroup(creator, users));
  }
}
