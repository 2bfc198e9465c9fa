package io.chatapp.chat.chats.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules of groups as values: names, who may be added, admins, read state, the list entry. */
class GroupRulesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static UserId user() {
    return new UserId(ObjectIds.fresh());
  }

  @Test
  void aNameIsTrimmedNormalisedAndOneToSixtyFourCharacters() {
    assertThat(new GroupName("  Cafe\u0301 crew ").value()).isEqualTo("Caf\u00e9 crew");
    assertThat(new GroupName("x".repeat(64)).value()).hasSize(64);
    assertThat(new GroupName("\uD83D\uDE00".repeat(64)).value()).hasSize(128); // 64 code points
    assertThatThrownBy(() -> new GroupName("x".repeat(65)))
        .hasMessageContaining("1 to 64 characters");
    assertThatThrownBy(() -> new GroupName("   ")).hasMessageContaining("1 to 64 characters");
    assertThatThrownBy(() -> new GroupName(null)).hasMessageContaining("required");
    assertThatThrownBy(() -> new GroupName("a\nb")).hasMessageContaining("U+000A");
    assertThatThrownBy(() -> new GroupName("a\u202Eb")).hasMessageContaining("U+202E");
    assertThatThrownBy(() -> new GroupName("a\u200Bb")).hasMessageContaining("U+200B");
  }

  @Test
  void aGroupIsMadeWithTwoTo255OthersNoDuplicatesNotTheCreator() {
    UserId me = user();
    UserId a = user();
    UserId b = user();
    assertThat(NewMembers.forGroup(me, List.of(a, b)).users()).containsExactly(a, b);
    assertThatThrownBy(() -> NewMembers.forGroup(me, List.of(a)))
        .hasMessageContaining("2 to 255 other members");
    assertThatThrownBy(() -> NewMembers.forGroup(me, List.of()))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> NewMembers.forGroup(me, List.of(a, b, a)))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> NewMembers.forGroup(me, List.of(a, me)))
        .hasMessageContaining("yourself");
    List<UserId> many = IntStream.range(0, 255).mapToObj(i -> user()).toList();
    assertThat(NewMembers.forGroup(me, many).users()).hasSize(255);
    List<UserId> tooMany = new ArrayList<>(many);
    tooMany.add(user());
    assertThatThrownBy(() -> NewMembers.forGroup(me, tooMany)).hasMessageContaining("names 256");
  }

  @Test
  void theLastAdminLeavingHandsOverToTheLongestStandingMember() {
    UserId ann = user();
    UserId bob = user();
    UserId cid = user();
    Group group = group(List.of(ann), Map.of(), Map.of());
    assertThat(group.adminsWithout(ann, List.of(ann, bob, cid))).containsExactly(bob);
    assertThat(group.adminsWithout(bob, List.of(ann, bob, cid))).containsExactly(ann);
    Group twoAdmins = group(List.of(ann, cid), Map.of(), Map.of());
    assertThat(twoAdmins.adminsWithout(ann, List.of(ann, bob, cid))).containsExactly(cid);
    assertThat(group.adminsWithout(ann, List.of(ann))).isEmpty();
  }

  @Test
  void readByAndDeliveredToFollowFromPositions() {
    UserId ann = user();
    UserId bob = user();
    UserId cid = user();
    Group group =
        group(
            List.of(ann),
            Map.of(
                ann, new Group.ReadPosition(5, T0),
                bob, new Group.ReadPosition(3, T0.plusSeconds(1))),
            Map.of(cid, 4L, bob, 1L));
    assertThat(group.readers(3, ann)).containsExactly(new Group.Receipt(bob, T0.plusSeconds(1)));
    assertThat(group.readers(3, bob)).containsExactly(new Group.Receipt(ann, T0));
    assertThat(group.readers(4, cid)).containsExactly(new Group.Receipt(ann, T0));
    assertThat(group.readers(6, cid)).isEmpty();
    assertThat(group.receivers(4, ann)).containsExactly(cid);
    assertThat(group.receivers(3, ann)).containsExactlyInAnyOrder(bob, cid);
    assertThat(group.receivers(5, cid)).containsExactly(ann);
  }

  @Test
  void unseenCountsFromTheReadPositionAndStopsWhereSomeoneLeft() {
    UserId ann = user();
    UserId bob = user();
    UserId cid = user();
    Group group =
        new Group(
            new GroupName("Crew"),
            List.of(ann),
            Map.of(ann, new Group.ReadPosition(10, T0), cid, new Group.ReadPosition(2, T0)),
            Map.of(),
            Map.of(
                cid,
                new Group.Departure(
                    6, T0.plusSeconds(5), new GroupName("Old name"), "Ann removed Cid", ann)));
    Chat chat =
        new Chat(
            ChatId.fresh(),
            List.of(ann, bob),
            new Chat.LatestMessage("secret after Cid left", bob),
            Map.of(),
            12,
            T0,
            T0.plusSeconds(60),
            group);
    assertThat(chat.unreadFor(ann)).isEqualTo(2);
    assertThat(chat.unreadFor(bob)).isEqualTo(12);
    assertThat(chat.unreadFor(cid)).isEqualTo(4);
    assertThat(chat.canRead(cid)).isTrue();
    assertThat(chat.isMember(cid)).isFalse();
    assertThat(chat.visibleTop(cid)).isEqualTo(6);
    assertThat(chat.visibleTop(bob)).isEqualTo(12);
    assertThat(chat.canRead(user())).isFalse();

    JsonObject forAnn = ChatJson.of(chat, ann);
    assertThat(forAnn.getBoolean("isGroup")).isTrue();
    assertThat(forAnn.getString("name")).isEqualTo("Crew");
    assertThat(forAnn.getJsonArray("users")).hasSize(2);
    assertThat(forAnn.getJsonArray("admins").getString(0)).isEqualTo(ann.value());
    assertThat(forAnn.getJsonObject("latestMessage").getString("sender")).isEqualTo(bob.value());
    assertThat(forAnn.getInt("unseenCount")).isEqualTo(2);

    JsonObject forCid = ChatJson.of(chat, cid);
    assertThat(forCid.getString("name")).isEqualTo("Old name");
    assertThat(forCid.getBoolean("left")).isTrue();
    assertThat(forCid.getJsonArray("users")).isEmpty();
    assertThat(forCid.getJsonObject("latestMessage").getString("text"))
        .isEqualTo("Ann removed Cid");
    assertThat(forCid.getString("updatedAt")).isEqualTo("2026-01-01T10:00:05.000Z");
  }

  @Test
  void aOneToOneEntryKeepsItsShapeWithIsGroupFalse() {
    UserId ann = user();
    UserId bob = user();
    Chat chat = new Chat(ChatId.fresh(), List.of(ann, bob), null, Map.of(bob, 3), 3, T0, T0);
    JsonObject json = ChatJson.of(chat, bob);
    assertThat(json.getBoolean("isGroup")).isFalse();
    assertThat(json.getInt("unseenCount")).isEqualTo(3);
    assertThat(json.keySet())
        .containsExactlyInAnyOrder(
            "_id", "isGroup", "users", "latestMessage", "unseenCount", "createdAt", "updatedAt");
  }

  @Test
  void systemTextsNameAFewAndCountTheRest() {
    assertThat(SystemTexts.added("Alice", List.of("Bob"))).isEqualTo("Alice added Bob");
    assertThat(SystemTexts.added("Alice", List.of("Bob", "Carol")))
        .isEqualTo("Alice added Bob and Carol");
    assertThat(SystemTexts.added("Alice", List.of("B", "C", "D", "E", "F", "G", "H")))
        .isEqualTo("Alice added B, C, D, E, F and 2 others");
    assertThat(SystemTexts.left("Carol")).isEqualTo("Carol left");
    assertThat(SystemTexts.removed("Alice", "Carol")).isEqualTo("Alice removed Carol");
    assertThat(SystemTexts.created("Alice", new GroupName("Crew"), List.of("Bob", "Carol")))
        .isEqualTo("Alice created \u201CCrew\u201D with Bob and Carol");
  }

  private static Group group(
      List<UserId> admins, Map<UserId, Group.ReadPosition> read, Map<UserId, Long> delivered) {
    return new Group(new GroupName("Crew"), admins, read, delivered, Map.of());
  }
}
