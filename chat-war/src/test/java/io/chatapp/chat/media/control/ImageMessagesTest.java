package io.chatapp.chat.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.messages.broker.Envelope;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.control.RecentSends;
import io.chatapp.chat.messages.control.SendRate;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.support.TestImages;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.CameraImages;
import io.chatapp.testsupport.Poll;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Image messages on the local store, end to end outside the container: the real RabbitMQ pipeline,
 * the embedded MongoDB-compatible server, files in a temporary media folder.
 */
class ImageMessagesTest extends HarnessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private ImageInspector inspector;
  private MediaService media;

  @BeforeAll
  void start() throws Exception {
    inspector = new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));
    media = new MediaService(stack.mediaRecords, stack.mediaFolder, stack.chats);
  }

  private static int status(Throwable e) {
    return RefusalMapper.response((Refusal) e).getStatus();
  }

  private long filesInStore() throws Exception {
    try (Stream<java.nio.file.Path> files = Files.list(stack.mediaDir)) {
      return files.filter(path -> !path.getFileName().toString().startsWith(".")).count();
    }
  }

  @Test
  void anImageMessageIsStoredListedAsAnImageAndDeliveredWithItsUrl() throws Exception {
    ChatHarness.Pair p = stack.pair();
    byte[] png = TestImages.png(1000, 750);
    ImageFile image = inspector.inspect(png);
    Message sent =
        stack.messages.sendImage(
            p.ann(), p.chat(), image, new Caption("  look  "), Optional.empty());

    assertThat(sent.messageType()).isEqualTo("image");
    assertThat(sent.text()).isEqualTo("look");
    String id = sent.image().publicId();
    assertThat(sent.image().url()).isEqualTo("http://chat.test:3002/api/v1/media/" + id);
    JsonObject json = MessageJson.of(sent);
    assertThat(json.getString("messageType")).isEqualTo("image");
    assertThat(json.getJsonObject("image").getString("url")).isEqualTo(sent.image().url());
    assertThat(json.getJsonObject("image").getString("publicId")).isEqualTo(id);

    Poll.until(DEADLINE, "stored", () -> stack.messageStore.find(sent.id()).isPresent());
    assertThat(stack.messageStore.find(sent.id()).orElseThrow()).isEqualTo(sent);
    Poll.until(
        DEADLINE,
        "the chat's latest message",
        () -> stack.chatStore.find(p.chat()).orElseThrow().latestMessage() != null);
    Chat chat = stack.chatStore.find(p.chat()).orElseThrow();
    assertThat(chat.latestMessage().text()).isEqualTo("📷 Image");
    assertThat(ChatJson.of(chat, p.bob()).getJsonObject("latestMessage").getString("text"))
        .isEqualTo("📷 Image");
    Poll.until(
        DEADLINE,
        "message:new with the image",
        () ->
            stack.events.of(MessageSent.class).stream()
                .anyMatch(
                    e ->
                        e.message().id().equals(sent.id())
                            && e.message().image().equals(sent.image())));
    assertThat(Envelope.parseAll(new Envelope(sent, p.bob()).toBytes()).get(0).message())
        .isEqualTo(sent);

    MediaService.MediaFile display = media.open(p.bob(), id, false);
    assertThat(display.contentType()).isEqualTo("image/png");
    BufferedImage shown =
        ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(display.path())));
    assertThat(shown.getWidth()).isEqualTo(800);
    assertThat(shown.getHeight()).isEqualTo(600);
    MediaService.MediaFile original = media.open(p.ann(), id, true);
    assertThat(Files.readAllBytes(original.path())).isEqualTo(image.bytes());
    assertThat(ImageIO.read(original.path().toFile()).getWidth()).isEqualTo(1000);
    assertThat(original.contentType()).isEqualTo("image/png");
  }

  @Test
  void aPhotoTakenWithItsPlaceIsServedUprightWithoutItBothAsShownAndAsSent() throws Exception {
    ChatHarness.Pair p = stack.pair();
    byte[] upload = CameraImages.phoneJpeg(1600, 1200, 6);
    assertThat(CameraImages.jpegHeaders(upload)).contains(CameraImages.PLACE);
    Message sent =
        stack.messages.sendImage(
            p.ann(),
            p.chat(),
            inspector.inspect(upload, "IMG_0042.jpg", "image/jpeg"),
            new Caption(null),
            Optional.empty());
    String id = sent.image().publicId();
    MediaService.MediaFile display = media.open(p.bob(), id, false);
    MediaService.MediaFile original = media.open(p.bob(), id, true);
    assertThat(display.path()).isNotEqualTo(original.path());
    for (MediaService.MediaFile file : new MediaService.MediaFile[] {display, original}) {
      byte[] served = Files.readAllBytes(file.path());
      assertThat(file.contentType()).isEqualTo("image/jpeg");
      assertThat(CameraImages.jpegMarkers(served)).doesNotContain(0xe1, 0xe2, 0xed, 0xfe);
      assertThat(CameraImages.jpegHeaders(served))
          .doesNotContain("Exif")
          .doesNotContain(CameraImages.PLACE);
    }
    BufferedImage shown = ImageIO.read(display.path().toFile());
    assertThat(List.of(shown.getWidth(), shown.getHeight())).isEqualTo(List.of(450, 600));
    BufferedImage whole = ImageIO.read(original.path().toFile());
    assertThat(List.of(whole.getWidth(), whole.getHeight())).isEqualTo(List.of(1200, 1600));
  }

  @Test
  void theLocalStoreRoundTripsEveryFormatWithItsContentType() throws Exception {
    ChatHarness.Pair p = stack.pair();
    record Case(byte[] bytes, String type) {}
    for (Case c :
        new Case[] {
          new Case(TestImages.png(12, 9), "image/png"),
          new Case(TestImages.jpeg(12, 9), "image/jpeg"),
          new Case(TestImages.gif(12, 9), "image/gif"),
          new Case(TestImages.WEBP_PHOTO, "image/jpeg"),
          new Case(TestImages.WEBP_ALPHA, "image/png")
        }) {
      ImageFile image = inspector.inspect(c.bytes());
      var stored = stack.localImages.store(p.chat(), image);
      for (boolean original : new boolean[] {false, true}) {
        MediaService.MediaFile file = media.open(p.bob(), stored.publicId(), original);
        assertThat(file.contentType()).isEqualTo(c.type());
        assertThat(Files.readAllBytes(file.path())).isEqualTo(image.bytes());
        assertThat(file.path().getFileName().toString()).endsWith("." + image.format().extension());
      }
    }
  }

  @Test
  void onlyTheChatsMembersMayFetchAnImage() {
    ChatHarness.Pair p = stack.pair();
    UserId eve = stack.userService.add("Eve");
    Message sent =
        stack.messages.sendImage(
            p.ann(),
            p.chat(),
            inspector.inspect(TestImages.gif(5, 5)),
            new Caption(null),
            Optional.empty());
    String id = sent.image().publicId();
    assertThatThrownBy(() -> media.open(eve, id, false))
        .satisfies(e -> assertThat(status(e)).isEqualTo(403));
    assertThatThrownBy(() -> media.open(p.bob(), "0123456789abcdef0123456789abcdef", false))
        .satisfies(e -> assertThat(status(e)).isEqualTo(404));
    assertThatThrownBy(() -> media.open(p.bob(), "../../etc/passwd", false))
        .satisfies(e -> assertThat(status(e)).isEqualTo(404));
    assertThat(media.open(p.bob(), id, false).contentType()).isEqualTo("image/gif");
    assertThatThrownBy(
            () ->
                stack.messages.sendImage(
                    eve,
                    p.chat(),
                    inspector.inspect(TestImages.gif(5, 5)),
                    new Caption(null),
                    Optional.empty()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(403));
  }

  @Test
  void anImageToAChatTheSenderIsNotInIsRefusedBeforeItIsReadOrDecoded() {
    ChatHarness.Pair p = stack.pair();
    UserId eve = stack.userService.add("Eve");
    AtomicInteger decoded = new AtomicInteger();
    Supplier<ImageFile> upload =
        () -> {
          decoded.incrementAndGet();
          return inspector.inspect(TestImages.png(10, 10));
        };
    assertThatThrownBy(
            () ->
                stack.messages.sendImage(
                    eve, p.chat(), upload, new Caption(null), Optional.empty(), Optional.empty()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(403));
    assertThatThrownBy(
            () ->
                stack.messages.sendImage(
                    p.ann(),
                    ChatId.fresh(),
                    upload,
                    new Caption(null),
                    Optional.empty(),
                    Optional.empty()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(404));
    assertThat(decoded).as("images decoded").hasValue(0);

    stack.messages.sendImage(
        p.ann(), p.chat(), upload, new Caption(null), Optional.empty(), Optional.empty());
    assertThat(decoded).as("images decoded").hasValue(1);
  }

  @Test
  void anImageOverTheSendersRateIsRefusedBeforeItIsDecoded() {
    ChatHarness.Pair p = stack.pair();
    MessageService oneAtATime =
        new MessageService(
                stack.chats,
                stack.sequence,
                stack.messageStore,
                stack.pipeline,
                stack.admission,
                new SendRate(0.001, 1),
                stack.localImages)
            .recentSends(new RecentSends(stack.redis, 15));
    AtomicInteger decoded = new AtomicInteger();
    Supplier<ImageFile> upload =
        () -> {
          decoded.incrementAndGet();
          return inspector.inspect(TestImages.jpeg(10, 10));
        };
    oneAtATime.sendImage(
        p.ann(), p.chat(), upload, new Caption(null), Optional.empty(), Optional.empty());
    assertThatThrownBy(
            () ->
                oneAtATime.sendImage(
                    p.ann(),
                    p.chat(),
                    upload,
                    new Caption(null),
                    Optional.empty(),
                    Optional.empty()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(429));
    assertThat(decoded).as("images decoded").hasValue(1);
  }

  @Test
  void aMembersImageTooLargeToDecodeIs413AndStoresNothing() throws Exception {
    ChatHarness.Pair p = stack.pair();
    ImageInspector small = new ImageInspector(new MediaLimits(5 << 20, 40_000_000, 1 << 20));
    byte[] png = TestImages.png16(1000, 1000); // 8,000,000 bytes decoded
    long before = filesInStore();
    assertThatThrownBy(
            () ->
                stack.messages.sendImage(
                    p.ann(),
                    p.chat(),
                    () -> small.inspect(png),
                    new Caption("big"),
                    Optional.empty(),
                    Optional.empty()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413));
    assertThat(filesInStore()).isEqualTo(before);
  }

  @Test
  void aRetryWithTheSameClientIdStoresOneImageAndMakesOneMessage() throws Exception {
    ChatHarness.Pair p = stack.pair();
    long before = filesInStore();
    ImageFile image = inspector.inspect(TestImages.jpeg(20, 20));
    Optional<ClientId> clientId = Optional.of(new ClientId("image-retry"));
    Message first = stack.messages.sendImage(p.ann(), p.chat(), image, new Caption("hi"), clientId);
    // the client retries once its first try timed out, by when the message was stored
    Poll.until(DEADLINE, "stored", () -> stack.messageStore.find(first.id()).isPresent());
    Message again = stack.messages.sendImage(p.ann(), p.chat(), image, new Caption("hi"), clientId);
    assertThat(again).isEqualTo(first);
    assertThat(filesInStore()).isEqualTo(before + 1);
    assertThat(stack.history.page(p.bob(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::id)
        .containsExactly(first.id());
  }

  @Test
  void textMessagesKeepTheirRulesAndImagesTakeAnEmptyOrLongCaption() {
    assertThat(new Caption(null).value()).isEmpty();
    assertThat(new Caption("   ").value()).isEmpty();
    assertThat(new Caption("x".repeat(4000)).value()).hasSize(4000);
    assertThatThrownBy(() -> new Caption("x".repeat(4001)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
