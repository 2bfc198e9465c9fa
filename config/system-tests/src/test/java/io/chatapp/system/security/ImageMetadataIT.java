package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.chat.ChatClient;
import io.chatapp.testsupport.CameraImages;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A photo does not tell where it was taken (issue 15, item 3): a JPEG with an EXIF GPS position and
 * a comment naming the place is served without either, both as shown ({@code /media/{id}}) and full
 * size ({@code /media/{id}/original}), turned upright by its EXIF orientation. A RIFF/WEBP header
 * followed by a web page is a 400, not an image.
 */
class ImageMetadataIT {

  private static final String PLACE = CameraImages.PLACE;

  private static ChatClient ann;
  private static ChatClient bob;
  private static String chatId;

  @BeforeAll
  static void aChat() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    ann = ChatClient.newUser();
    bob = ChatClient.newUser();
    ChatClient.Response created = ann.startChat(bob);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    chatId = created.json().getString("chatId");
  }

  @Test
  void aPhotosGpsPositionIsNeitherShownNorKeptInTheOriginal() throws Exception {
    byte[] photo = CameraImages.phoneJpeg(1000, 700, 6);
    assertThat(text(photo)).contains("Exif").contains(PLACE);

    ChatClient.Response sent = ann.sendImage(chatId, "where am I?", photo, "IMG_0042.jpg");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonObject image = sent.json().getJsonObject("message").getJsonObject("image");
    String url = image.getString("url");

    for (String path : new String[] {url, url + "/original"}) {
      HttpResponse<byte[]> served = bob.download(path);
      assertThat(served.statusCode()).as(path).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type")).as(path).hasValue("image/jpeg");
      byte[] body = served.body();
      assertThat(text(body)).as(path).doesNotContain("Exif").doesNotContain(PLACE);
      assertThat(CameraImages.jpegMarkers(body))
          .as(path + ": APP1 (EXIF, XMP) and COM segments")
          .doesNotContain(0xe1, 0xfe);
    }
    // orientation 6: stored 1000×700, seen 700×1000; the display version fits in 800×600
    BufferedImage whole =
        ImageIO.read(new ByteArrayInputStream(bob.download(url + "/original").body()));
    assertThat(whole.getWidth()).isEqualTo(700);
    assertThat(whole.getHeight()).isEqualTo(1000);
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(bob.download(url).body()));
    assertThat(shown.getHeight()).isEqualTo(600);
    assertThat(shown.getWidth()).isEqualTo(420);
  }

  @Test
  void aWebPageBehindAWebpHeaderIsA400() throws Exception {
    byte[] page =
        "<html><script>fetch('/api/v1/chat/all')</script></html>"
            .getBytes(StandardCharsets.US_ASCII);
    ByteBuffer webp = ByteBuffer.allocate(12 + page.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + page.length);
    webp.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(page);

    ChatClient.Response refused = ann.sendImage(chatId, null, webp.array(), "cat.webp");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().getString("message")).isEqualTo("The image is damaged or incomplete");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
