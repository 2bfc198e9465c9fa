package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.chats.entity.Group;
import io.chatapp.chat.chats.entity.GroupEvents;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.chats.entity.SystemTexts;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.control.SystemMessages;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group chats: making one, adding and removing members (admins; anyone may leave), renaming
 * (admins). Every change is written to the chat first, then every instance forgets the group's
 * members ({@link ChatMembers}, at once here and through the real-time channel elsewhere: see
 * {@link GroupEvents.Updated}), then a system message says what changed, and the people concerned
 * hear of it. Someone removed keeps the history up to the message that said so.
 */
@ApplicationScoped
public class GroupService {

  @Inject ChatStore chats;
  @Inject GroupStore groups;
  @Inject ChatMembers members;
  @Inject ChatSequence sequence;
  @Inject UserDirectory users;
  @Inject SystemMessages systemMessages;
  @Inject DomainEvents events;

  public GroupService() {}

  /** For use outside the container (tests, benchmarks). */
  public GroupService(
      ChatStore chats,
      GroupStore groups,
      ChatService chatService,
      ChatSequence sequence,
      UserDirectory users,
      SystemMessages systemMessages,
      DomainEvents events) {
    this.chats = chats;
    this.groups = groups;
    this.members = chatService.members; // the same cache the membership checks read
    this.sequence = sequence;
    this.users = users;
    this.systemMessages = systemMessages;
    this.events = events;
  }

  /** A new group of the creator and {@code others}, the creator its admin. */
  public Chat create(UserId creator, GroupName name, NewMembers others, String token) {
    List<UserId> everyone = new ArrayList<>();
    everyone.add(creator);
    everyone.addAll(others.users());
    Map<UserId, JsonObject> profiles = existing(everyone, token);
    if (!profiles.containsKey(creator)) {
      throw Refusal.forbidden("Your account does not exist: log in again");
    }
    ChatId id = ChatId.fresh();
    // numbered first, as every change is: without Redis nothing is made (503), never a group that
    // a retry would make again
    long seq = sequence.nextAbove(id, 0);
    Chat chat = groups.create(id, name, creator, others.users());
    try {
      systemMessages.post(
          id,
          seq,
          creator,
          SystemTexts.created(nameOf(profiles, creator), name, names(profiles, others.users())),
          others.users());
    } finally { // the group is made: its members are told, even when the system message failed
      events.fire(new GroupEvents.MembersAdded(id, creator, others.users()));
    }
    return chat;
  }

  /** Adds members to the group: admins only; each an existing user not yet a member. */
  public void add(UserId actor, ChatId id, NewMembers added, String token) {
    Chat chat = groupOf(actor, id);
    requireAdmin(chat, actor);
    if (added.users().contains(actor)) {
      throw Refusal.badRequest("userIds must not name yourself");
    }
    for (UserId user : added.users()) {
      if (chat.isMember(user)) {
        throw Refusal.badRequest(user + " is already a member");
      }
    }
    if (chat.users().size() + added.users().size() > Group.MAX_MEMBERS) {
      throw Refusal.badRequest(
          "A group has at most " + Group.MAX_MEMBERS + " members; it has " + chat.users().size());
    }
    List<UserId> asked = new ArrayList<>();
    asked.add(actor);
    asked.addAll(added.users());
    Map<UserId, JsonObject> profiles = existing(asked, token);
    long seq = numberedBeforeTheChange(id);
    // what was said before they came is not news to them: their unread count starts at 0
    if (!groups.add(chat, added.users(), chat.seq(), IsoTime.now())) {
      throw changedMeanwhile();
    }
    members.forget(id);
    List<UserId> now = new ArrayList<>(chat.users());
    now.addAll(added.users());
    try {
      systemMessages.post(
          id,
          seq,
          actor,
          SystemTexts.added(nameOf(profiles, actor), names(profiles, added.users())),
          without(now, actor));
    } finally { // the change is made: every instance forgets the old members and the new ones
      // are told, even when the system message failed
      events.fire(new GroupEvents.Updated(id, chat.group().name(), now, chat.group().admins()));
      events.fire(new GroupEvents.MembersAdded(id, actor, added.users()));
    }
  }

  /**
   * Takes {@code member} out of the group: an admin removes anyone, anyone removes themselves
   * (leaves). When the last admin goes, the longest-standing member becomes admin.
   */
  public void remove(UserId actor, ChatId id, UserId member, String token) {
    Chat chat = groupOf(actor, id);
    boolean leaving = actor.equals(member);
    if (!leaving) {
      requireAdmin(chat, actor);
      if (!chat.isMember(member)) {
        throw Refusal.notFound(member + " is not a member of this group");
      }
    }
    List<UserId> now = without(chat.users(), member);
    List<UserId> admins = chat.group().adminsWithout(member, chat.users());
    Map<UserId, JsonObject> profiles = users.profiles(List.of(actor, member), token);
    String text =
        leaving
            ? SystemTexts.left(nameOf(profiles, member))
            : SystemTexts.removed(nameOf(profiles, actor), nameOf(profiles, member));
    List<UserId> newAdmins = without(admins, chat.group().admins());
    if (!newAdmins.isEmpty()) {
      UserId admin = newAdmins.get(0);
      text = SystemTexts.nowAdmin(text, nameOf(users.profiles(List.of(admin), token), admin));
    }
    long seq = numberedBeforeTheChange(id);
    Instant at = IsoTime.now();
    if (!groups.remove(
        chat, member, admins, new Group.Departure(seq, at, chat.group().name(), text, actor))) {
      throw changedMeanwhile();
    }
    members.forget(id);
    Set<UserId> told = new LinkedHashSet<>(now);
    told.add(member);
    told.remove(actor);
    try {
      systemMessages.post(id, seq, actor, text, List.copyOf(told));
    } finally { // the change is made: every instance forgets the old members and the one removed
      // is told, even when the system message failed
      events.fire(new GroupEvents.Updated(id, chat.group().name(), now, admins));
      events.fire(new GroupEvents.MemberRemoved(id, member));
    }
  }

  /** Renames the group: admins only. The name it has already changes nothing and says nothing. */
  public void rename(UserId actor, ChatId id, GroupName name, String token) {
    Chat chat = groupOf(actor, id);
    requireAdmin(chat, actor);
    if (chat.group().name().equals(name)) {
      return;
    }
    Map<UserId, JsonObject> profiles = users.profiles(List.of(actor), token);
    long seq = numberedBeforeTheChange(id);
    if (!groups.rename(chat, name)) {
      throw changedMeanwhile();
    }
    members.forget(id);
    try {
      systemMessages.post(
          id,
          seq,
          actor,
          SystemTexts.renamed(nameOf(profiles, actor), name),
          without(chat.users(), actor));
    } finally {
      events.fire(new GroupEvents.Updated(id, name, chat.users(), chat.group().admins()));
    }
  }

  /**
   * The number of a change's system message, taken before the change is written only if the group
   * is still as read ({@code GroupStore}): two changes' messages then stand in the order the
   * changes were made, each sent to the members of its time. A change refused for a race leaves its
   * number a gap, as a refused send does.
   */
  private long numberedBeforeTheChange(ChatId id) {
    return sequence.next(id);
  }

  /** The group as stored now: 404 unknown, 400 a 1:1 chat, 403 when {@code actor} is not in it. */
  private Chat groupOf(UserId actor, ChatId id) {
    Chat chat = chats.find(id).orElseThrow(() -> Refusal.notFound("No chat with id " + id));
    if (!chat.isMember(actor)) {
      throw Refusal.forbidden("You are not a member of this chat");
    }
    if (!chat.isGroup()) {
      throw Refusal.badRequest("This is a 1:1 chat, not a group");
    }
    return chat;
  }

  /** 409: another change of the members won the race; nothing of this one was made. */
  private static Refusal changedMeanwhile() {
    return Refusal.conflict("The group's members changed meanwhile: look again and retry");
  }

  private static void requireAdmin(Chat chat, UserId actor) {
    if (!chat.group().isAdmin(actor)) {
      throw Refusal.forbidden("Only the group's admins may do that");
    }
  }

  /**
   * The profiles of these users, all of whom but the first (the caller, checked apart) must exist:
   * 404 naming the first who does not.
   */
  private Map<UserId, JsonObject> existing(List<UserId> asked, String token) {
    Map<UserId, JsonObject> found = users.existing(asked, token);
    for (UserId user : asked) {
      if (!found.containsKey(user) && !user.equals(asked.get(0))) {
        throw Refusal.notFound("No user with id " + user);
      }
    }
    return found;
  }

  private static String nameOf(Map<UserId, JsonObject> profiles, UserId user) {
    JsonObject profile = profiles.get(user);
    return profile == null ? "Unknown user" : profile.getString("name", "Unknown user");
  }

  private static List<String> names(Map<UserId, JsonObject> profiles, List<UserId> users) {
    return users.stream().map(user -> nameOf(profiles, user)).toList();
  }

  private static List<UserId> without(List<UserId> list, UserId user) {
    return list.stream().filter(member -> !member.equals(user)).toList();
  }

  private static List<UserId> without(List<UserId> list, List<UserId> others) {
    return list.stream().filter(member -> !others.contains(member)).toList();
  }
}
