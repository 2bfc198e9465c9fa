package io.chatapp.chat.chats.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.users.control.LastSeen;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starting 1:1 chats, listing a user's chats (1:1 and groups) with the other members' profiles, and
 * the membership checks of everything else.
 */
@ApplicationScoped
public class ChatService {

  @Inject ChatStore chats;
  @Inject ChatMembers members;
  @Inject UserDirectory users;
  @Inject LastSeen lastSeen;
  @Inject DomainEvents events;

  public ChatService() {}

  /** For use outside the container (tests, benchmarks). */
  public ChatService(ChatStore chats, UserDirectory users, LastSeen lastSeen, DomainEvents events) {
    this.chats = chats;
    this.members = new ChatMembers(chats);
    this.users = users;
    this.lastSeen = lastSeen;
    this.events = events;
  }

  /**
   * A chat and one member's view of it: in a 1:1 chat the other member's profile, with {@code
   * lastSeen}; in a group the members' profiles ({@code otherUser} null).
   */
  public record Listed(Chat chat, JsonObject otherUser, List<JsonObject> members) {

    public Listed(Chat chat, JsonObject otherUser) {
      this(chat, otherUser, List.of());
    }
  }

  /** The chat with {@code other}, made (and announced to them) if there was none. */
  public ChatStore.Creation start(UserId caller, UserId other, String token) {
    if (caller.equals(other)) {
      throw Refusal.badRequest("You cannot start a chat with yourself");
    }
    var existing = chats.findBetween(caller, other);
    if (existing.isPresent()) {
      return new ChatStore.Creation(existing.get(), false);
    }
    if (users.find(other, token).isEmpty()) {
      throw Refusal.notFound("No user with id " + other);
    }
    if (users.find(caller, token).isEmpty()) {
      // a correctly signed token of a user that does not exist (any more) makes no chats
      throw Refusal.forbidden("Your account does not exist: log in again");
    }
    ChatStore.Creation creation = chats.findOrCreate(caller, other);
    if (creation.created()) {
      events.fire(new ChatCreated(creation.chat().id(), caller, other));
    }
    return creation;
  }

  /**
   * The caller's chats, newest activity first, each with the other member's profile and, once they
   * have been online, when they were last.
   */
  public List<Listed> list(UserId caller, String token) {
    List<Chat> found = chats.listFor(caller);
    List<UserId> others =
        found.stream().filter(chat -> !chat.isGroup()).map(chat -> chat.otherThan(caller)).toList();
    List<UserId> inGroups =
        found.stream()
            .filter(chat -> chat.isGroup() && chat.isMember(caller))
            .flatMap(chat -> chat.users().stream())
            .toList();
    Map<UserId, JsonObject> profiles =
        users.profiles(
            java.util.stream.Stream.concat(others.stream(), inGroups.stream()).toList(), token);
    Map<UserId, Instant> seen = lastSeen.of(others);
    return found.stream()
        .map(
            chat -> {
              if (chat.isGroup()) {
                List<JsonObject> members =
                    chat.isMember(caller)
                        ? chat.users().stream().map(profiles::get).toList()
                        : List.of();
                return new Listed(chat, null, members);
              }
              UserId other = chat.otherThan(caller);
              JsonObject profile = profiles.get(other);
              Instant at = seen.get(other);
              return new Listed(
                  chat,
                  at == null
                      ? profile
                      : JSON.createObjectBuilder(profile)
                          .add("lastSeen", IsoTime.format(at))
                          .build());
            })
        .toList();
  }

  /** The chat as stored if {@code caller} is a member: 404 when unknown, 403 when not theirs. */
  public Chat memberChat(UserId caller, ChatId id) {
    Chat chat = chats.find(id).orElseThrow(() -> Refusal.notFound("No chat with id " + id));
    if (!chat.isMember(caller)) {
      throw notAMember();
    }
    return chat;
  }

  /**
   * The chat as stored if {@code caller} may read it: a member, or someone who left the group (up
   * to then). 404 when unknown, 403 otherwise.
   */
  public Chat readableChat(UserId caller, ChatId id) {
    Chat chat = chats.find(id).orElseThrow(() -> Refusal.notFound("No chat with id " + id));
    if (!chat.canRead(caller)) {
      throw notAMember();
    }
    return chat;
  }

  /**
   * The members of the chat but {@code caller}, and whether it is a group, if {@code caller} is a
   * member (404 when unknown, 403 when not theirs, or no longer), without a database round trip
   * once the chat is known.
   */
  public ChatMembers.Membership membership(UserId caller, ChatId id) {
    ChatMembers.Membership membership =
        members.membership(id).orElseThrow(() -> Refusal.notFound("No chat with id " + id));
    if (!membership.users().contains(caller)) {
      throw notAMember();
    }
    return membership;
  }

  /**
   * The other member of the chat if {@code caller} is a member (404 when unknown, 403 when not
   * theirs), without a database round trip once the chat is known.
   */
  public UserId otherMember(UserId caller, ChatId id) {
    List<UserId> users = membersFor(caller, id);
    return users.get(0).equals(caller) ? users.get(1) : users.get(0);
  }

  /** 404 when the chat is unknown, 403 when {@code caller} is not a member. */
  public void requireMember(UserId caller, ChatId id) {
    membersFor(caller, id);
  }

  /**
   * Refuses (403, 404 unknown) unless {@code caller} may see what was posted in the chat at {@code
   * postedAt}: a member, or someone who left the group after then. Members are answered from the
   * cache; only a non-member's question reads the chat.
   */
  public void requireReaderAt(UserId caller, ChatId id, Instant postedAt) {
    List<UserId> users =
        members.of(id).orElseThrow(() -> Refusal.notFound("No chat with id " + id));
    if (users.contains(caller)) {
      return;
    }
    Chat chat = readableChat(caller, id);
    boolean before =
        postedAt != null
            && chat.group()
                .departureOf(caller)
                .map(left -> postedAt.isBefore(left.at()))
                .orElse(false);
    if (!before) {
      throw notAMember();
    }
  }

  /**
   * Everyone in the chat, {@code caller} included, if {@code caller} is one of them (404 when
   * unknown, 403 when not theirs): whom a change to the chat's messages is told to.
   */
  public List<UserId> members(UserId caller, ChatId id) {
    return membersFor(caller, id);
  }

  private static Refusal notAMember() {
    return Refusal.forbidden("You are not a member of this chat");
  }

  private List<UserId> membersFor(UserId caller, ChatId id) {
    List<UserId> users =
        members.of(id).orElseThrow(() -> Refusal.notFound("No chat with id " + id));
    if (!users.contains(caller)) {
      throw notAMember();
    }
    return users;
  }
}
