package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.TestImages;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Image messages against the running stack (the local image store): one member sends a PNG as
 * multipart, the other fetches it from the message's URL, a non-member cannot, and the chat list
 * shows {@code 📷 Image}.
 */
class ImageMessageIT extends TwoMembersAndAnOutsider {

  @Test
  void aPngIsSentFetchedByTheOtherMemberOnlyAndListedAsAnImage() throws Exception {
    byte[] png = TestImages.png(1200, 900);
    ChatClient.Response sent = ann.sendImage(chatId, "  a picture  ", png, "holiday.png");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonObject message = sent.json().getJsonObject("message");
    assertThat(message.getString("messageType")).isEqualTo("image");
    assertThat(message.getString("text")).isEqualTo("a picture");
    String url = message.getJsonObject("image").getString("url");
    assertThat(message.getJsonObject("image").getString("publicId")).isNotBlank();
    assertThat(url)
        .endsWith("/api/v1/media/" + message.getJsonObject("image").getString("publicId"));

    HttpResponse<byte[]> fetched = ChatClient.download(url, bob.token);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(fetched.headers().firstValue("Cache-Control").orElse(""))
        .contains("private")
        .contains("immutable");
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(fetched.body()));
    assertThat(shown.getWidth()).isEqualTo(800);
    assertThat(shown.getHeight()).isEqualTo(600);
    HttpResponse<byte[]> original = ChatClient.download(url + "/original", bob.token);
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage whole = ImageIO.read(new ByteArrayInputStream(original.body()));
    assertThat(whole.getWidth()).isEqualTo(1200);
    assertThat(whole.getHeight()).isEqualTo(900);

    assertThat(ChatClient.download(url, eve.token).statusCode()).isEqualTo(403);
    assertThat(ChatClient.download(url, null).statusCode()).isEqualTo(401);
    assertThat(
            ChatClient.download(url.replaceAll("[0-9a-f]{32}$", "0".repeat(32)), bob.token)
                .statusCode())
        .isEqualTo(404);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String latest = null;
    while (System.nanoTime() < deadline) {
      JsonObject chat = bob.get("/chat/all").json().getJsonArray("chats").getJsonObject(0);
      JsonObject latestMessage = chat.getJsonObject("chat").getJsonObject("latestMessage");
      latest = latestMessage == null ? null : latestMessage.getString("text");
      if ("📷 Image".equals(latest)) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(latest).isEqualTo("📷 Image");

    JsonObject inHistory = ChatApiIT.last(bob.get("/message/" + chatId).json());
    assertThat(inHistory.getString("_id")).isEqualTo(message.getString("_id"));
    assertThat(inHistory.getJsonObject("image").getString("url")).isEqualTo(url);
  }

  @Test
  void theRecipientsSocketGetsTheImageUrlInRealTime() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket =
        Stack.HTTP
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + bob.token)
            .buildAsync(
                URI.create(Stack.url("chat").replaceFirst("^http", "ws") + "/ws"),
                new WebSocket.Listener() {
                  private final StringBuilder partial = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      frames.add(ChatClient.json(partial.toString()));
                      partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    try {
      ChatClient.Response sent = ann.sendImage(chatId, null, TestImages.png(64, 48), "live.png");
      assertThat(sent.status()).as(sent.body()).isEqualTo(201);
      JsonObject message = sent.json().getJsonObject("message");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      JsonObject received = null;
      while (received == null && System.nanoTime() < deadline) {
        JsonObject frame = frames.poll(200, TimeUnit.MILLISECONDS);
        if (frame != null
            && frame.getString("event").equals("message:new")
            && frame
                .getJsonObject("data")
                .getJsonObject("message")
                .getString("_id")
                .equals(message.getString("_id"))) {
          received = frame.getJsonObject("data").getJsonObject("message");
        }
      }
      assertThat(received).as("message:new for the image").isNotNull();
      assertThat(received.getString("messageType")).isEqualTo("image");
      assertThat(received.getJsonObject("image").getString("url"))
          .isEqualTo(message.getJsonObject("image").getString("url"));
      assertThat(received.getString("text")).isEmpty();
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aTextSentAsMultipartWithoutAnImageIsATextMessage() throws Exception {
    ChatClient.Response sent = ann.sendImage(chatId, "  plain words  ", null, null);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonObject message = sent.json().getJsonObject("message");
    assertThat(message.getString("messageType")).isEqualTo("text");
    assertThat(message.getString("text")).isEqualTo("plain words");
    assertThat(message.isNull("image")).isTrue();

    ChatClient.Response empty = ann.sendImage(chatId, "   ", null, null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().getString("message")).isEqualTo("text or image is required");
  }

  @Test
  void whatIsNotAnAcceptedImageIsRefusedClearly() throws Exception {
    ChatClient.Response text =
        ann.sendImage(chatId, null, "just text".getBytes(StandardCharsets.UTF_8), "fake.png");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().getString("message"))
        .isEqualTo("Only JPG, PNG, GIF and WEBP images can be sent");
    assertThat(eve.sendImage(chatId, null, TestImages.png(4, 4), "a.png").status()).isEqualTo(403);
  }
}
