package io.chatapp.bench;

import io.chatapp.system.chat.ChatClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A group chat of the benchmark, made through the API as a client makes one: its first member
 * creates it ({@code POST /api/v1/chat/group}) with all the others. Every member sends into it (to
 * its own instance) and every member's socket is where delivery is timed, member i in slot i.
 */
record Group(List<Member> members, String chatId, List<Route> routes) {

  Group {
    members = List.copyOf(members);
    routes = List.copyOf(routes);
  }

  /** Creates the group of these members, as the first of them. */
  static Group start(String name, List<Member> members) throws Exception {
    Member creator = members.get(0);
    JsonArrayBuilder others = Json.createArrayBuilder();
    members.subList(1, members.size()).forEach(member -> others.add(member.id()));
    String body =
        Json.createObjectBuilder().add("name", name).add("userIds", others).build().toString();
    ChatClient.Response created =
        ChatClient.send(
            ChatClient.post(creator.chatUrl() + "/api/v1/chat/group", body, creator.token()));
    if (created.status() != 201) {
      throw new IllegalStateException(
          "chat/group answered " + created.status() + ": " + created.body());
    }
    String chatId = created.json().getString("chatId");
    List<Route> routes = new ArrayList<>();
    for (int slot = 0; slot < members.size(); slot++) {
      routes.add(Route.of(members.get(slot), slot, chatId));
    }
    return new Group(members, chatId, routes);
  }
}
