package io.chatapp.system.chat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.testsupport.MultipartForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A user of the running stack, as a browser or integrator would be: logged in through user-war's
 * OTP flow (the code read from Redis, where user-war keeps it), then calling chat-war with the
 * access token it got.
 */
public final class ChatClient {

  final String id;
  final String token;

  private ChatClient(String id, String token) {
    this.id = id;
    this.token = token;
  }

  static String chatApi() {
    return Stack.url("chat") + "/api/v1";
  }

  /** The user of a session, calling chat-war with its access token. */
  public static ChatClient of(UserApi.Session session) {
    return new ChatClient(session.userId(), session.accessToken());
  }

  public String token() {
    return token;
  }

  /** A new user, logged in through the real OTP flow. */
  public static ChatClient newUser() throws Exception {
    UserApi.Session session = UserApi.logIn(UserApi.newEmail("chat-it"));
    return new ChatClient(session.userId(), session.accessToken());
  }

  /** New users, each in a chat of its own with one reader, and those chats, in the same order. */
  record Senders(java.util.List<ChatClient> users, java.util.List<String> chats) {}

  static Senders sendersTo(ChatClient reader, int count) throws Exception {
    java.util.List<ChatClient> users = new java.util.ArrayList<>();
    java.util.List<String> chats = new java.util.ArrayList<>();
    for (int s = 0; s < count; s++) {
      ChatClient sender = newUser();
      users.add(sender);
      chats.add(sender.startChat(reader).json().getString("chatId"));
    }
    return new Senders(users, chats);
  }

  public record Response(int status, String body) {
    public JsonObject json() {
      return ChatClient.json(body);
    }
  }

  public Response get(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(chatApi() + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + token)
            .build());
  }

  Response postJson(String path, String body) throws Exception {
    return send(post(chatApi() + path, body, token));
  }

  /** The ids of the chat's whole history (up to 2,000 messages), as this member reads it. */
  java.util.Set<String> messageIds(String chatId) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    String before = null;
    for (int page = 0; page < 20; page++) {
      Response response =
          get("/message/" + chatId + "?limit=100" + (before == null ? "" : "&before=" + before));
      if (response.status() != 200) {
        return ids;
      }
      var messages = response.json().getJsonArray("messages");
      if (messages.isEmpty()) {
        break;
      }
      messages.forEach(m -> ids.add(((JsonObject) m).getString("_id")));
      before = messages.getJsonObject(0).getString("_id");
    }
    return ids;
  }

  public Response startChat(ChatClient other) throws Exception {
    return postJson("/chat/new", "{\"otherUserId\":\"" + other.id + "\"}");
  }

  /** {@code POST /chat/new} with {@code otherUserId}, as the holder of {@code token}. */
  public static Response startChat(String token, String otherUserId) throws Exception {
    return startChat(Stack.url("chat"), token, otherUserId);
  }

  /** The same at the chat-war instance {@code chatUrl}. */
  public static Response startChat(String chatUrl, String token, String otherUserId)
      throws Exception {
    return send(
        post(chatUrl + "/api/v1/chat/new", "{\"otherUserId\":\"" + otherUserId + "\"}", token));
  }

  public Response sendText(String chatId, String text) throws Exception {
    return postJson(
        "/message",
        Json.createObjectBuilder().add("chatId", chatId).add("text", text).build().toString());
  }

  /**
   * {@code POST /message} as multipart: chatId, text (when not null) and the image part (when not
   * null: the original web client sends a text message as multipart without one).
   */
  public Response sendImage(String chatId, String text, byte[] image, String filename)
      throws Exception {
    MultipartForm form = new MultipartForm().field("chatId", chatId);
    if (text != null) {
      form.field("text", text);
    }
    if (image != null) {
      form.file("image", filename, "application/octet-stream", image);
    }
    return send(
        HttpRequest.newBuilder(URI.create(chatApi() + "/message"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", form.contentType())
            .POST(form.publisher())
            .build());
  }

  public static HttpRequest post(String url, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  /** A {@code GET} of an image URL with this token as the browser's cookie (none when null). */
  public static HttpResponse<byte[]> download(String url, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
    if (token != null) {
      request.header("Cookie", "accessToken=" + token);
    }
    return Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** {@link #download} with this user's token. */
  public HttpResponse<byte[]> download(String url) throws Exception {
    return download(url, token);
  }

  public static Response send(HttpRequest request) throws Exception {
    HttpResponse<String> response = Stack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  public static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
