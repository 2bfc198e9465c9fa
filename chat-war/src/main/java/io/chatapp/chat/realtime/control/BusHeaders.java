package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.realtime.entity.GroupReceipt;
import io.chatapp.chat.realtime.entity.Receipt;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The headers of what travels on the real-time channel ({@link BusBatch.Item}): whom a frame is for
 * ({@code to}), with the receipt the instance holding a recipient's socket reports ({@code
 * receipt}, {@code groupReceipt}); or an order to every instance ({@code contacts} to forget;
 * {@code members}, see {@link MembershipOrders}).
 */
final class BusHeaders {

  private BusHeaders() {}

  /** For the sockets of {@code users}; with a receipt when it carries a new 1:1 message. */
  static JsonObject to(Collection<UserId> users, Receipt receipt) {
    JsonObjectBuilder header = JSON.createObjectBuilder().add("to", ids(users));
    if (receipt != null) {
      header.add(
          "receipt",
          JSON.createObjectBuilder()
              .add("messageId", receipt.messageId())
              .add("chatId", receipt.chatId())
              .add("recipient", receipt.recipient().value())
              .add("sender", receipt.sender().value())
              .add("sentAt", receipt.sentAtMillis())
              .add("read", receipt.read()));
    }
    return header.build();
  }

  /** For the sockets of {@code users}, carrying a new group message. */
  static JsonObject toGroup(Collection<UserId> users, GroupReceipt receipt) {
    return JSON.createObjectBuilder()
        .add("to", ids(users))
        .add(
            "groupReceipt",
            JSON.createObjectBuilder()
                .add("chatId", receipt.chatId())
                .add("seq", receipt.seq())
                .add("recipients", ids(receipt.recipients()))
                .add("sentAt", receipt.sentAtMillis()))
        .build();
  }

  /** The order to forget these users' contacts. */
  static JsonObject forgetContacts(Collection<UserId> users) {
    return JSON.createObjectBuilder().add("contacts", ids(users)).build();
  }

  /** The users whose contacts to forget, when the header is that order. */
  static Optional<List<UserId>> contactsToForget(JsonObject header) {
    return header.containsKey("contacts")
        ? Optional.of(users(header.getJsonArray("contacts")))
        : Optional.empty();
  }

  /** Whether the header is an order about a group's members ({@link MembershipOrders}). */
  static boolean isMembershipOrder(JsonObject header) {
    return header.containsKey("members");
  }

  /** The users whose sockets the frame is for. */
  static List<UserId> to(JsonObject header) {
    return users(header.getJsonArray("to"));
  }

  static Optional<Receipt> receipt(JsonObject header) {
    JsonObject receipt = header.getJsonObject("receipt");
    return receipt == null
        ? Optional.empty()
        : Optional.of(
            new Receipt(
                receipt.getString("messageId"),
                receipt.getString("chatId"),
                new UserId(receipt.getString("recipient")),
                new UserId(receipt.getString("sender")),
                receipt.getJsonNumber("sentAt").longValue(),
                receipt.getBoolean("read", false)));
  }

  static Optional<GroupReceipt> groupReceipt(JsonObject header) {
    JsonObject receipt = header.getJsonObject("groupReceipt");
    return receipt == null
        ? Optional.empty()
        : Optional.of(
            new GroupReceipt(
                receipt.getString("chatId"),
                receipt.getJsonNumber("seq").longValue(),
                users(receipt.getJsonArray("recipients")),
                receipt.getJsonNumber("sentAt").longValue()));
  }

  private static JsonArrayBuilder ids(Collection<UserId> users) {
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    users.forEach(user -> ids.add(user.value()));
    return ids;
  }

  private static List<UserId> users(JsonArray ids) {
    return ids.getValuesAs(JsonString.class).stream()
        .map(value -> new UserId(value.getString()))
        .toList();
  }
}
