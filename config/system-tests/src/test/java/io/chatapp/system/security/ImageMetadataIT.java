package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.chat.ChatClient;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

  private static final String PLACE = "52.5200N 13.4050E";

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
    byte[] photo = photoWithGps(1000, 700);
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
      assertThat(segmentsBeforeImageData(body))
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

  /**
   * A JPEG as a phone stores it: an APP1 EXIF segment (big-endian TIFF) whose first directory holds
   * the orientation (6: turn a quarter clockwise to see it) and a GPS directory (52°31'12" N,
   * 13°24' E), and a comment naming the place.
   */
  private static byte[] photoWithGps(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.CYAN);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", encoded);
    byte[] jpeg = encoded.toByteArray();

    ByteBuffer tiff = ByteBuffer.allocate(92 + 48);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) 6)
        .putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);
    tiff.putShort((short) 4);
    tiff.putShort((short) 1)
        .putShort((short) 2)
        .putInt(2)
        .put("N\0\0\0".getBytes(StandardCharsets.US_ASCII));
    tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
    tiff.putShort((short) 3)
        .putShort((short) 2)
        .putInt(2)
        .put("E\0\0\0".getBytes(StandardCharsets.US_ASCII));
    tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
    tiff.putInt(0);
    tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(12).putInt(1);
    tiff.putInt(13).putInt(1).putInt(24).putInt(1).putInt(0).putInt(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xe1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
    segment(out, 0xfe, ("taken at " + PLACE).getBytes(StandardCharsets.US_ASCII));
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    out.write(0xff);
    out.write(marker);
    out.write((data.length + 2) >> 8);
    out.write((data.length + 2) & 0xff);
    out.writeBytes(data);
  }

  /** The markers of a JPEG's segments before its image data. */
  private static java.util.List<Integer> segmentsBeforeImageData(byte[] jpeg) {
    java.util.List<Integer> markers = new java.util.ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff && (jpeg[at + 1] & 0xff) != 0xda) {
      markers.add(jpeg[at + 1] & 0xff);
      at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
    }
    return markers;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
