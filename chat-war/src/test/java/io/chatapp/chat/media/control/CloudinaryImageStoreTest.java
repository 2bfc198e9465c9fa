package io.chatapp.chat.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.control.RecentSends;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.support.TestImages;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.CameraImages;
import io.chatapp.testsupport.Poll;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Cloudinary SDK against a local HTTP server that plays Cloudinary's upload API (the SDK's
 * {@code upload_prefix} pointed at it): the request the SDK really sends is checked.
 */
class CloudinaryImageStoreTest extends HarnessTest {

  private static final String SECRET = "s3cret";

  private HttpServer server;
  private final List<Map<String, String>> uploads = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> destroys = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final ImageInspector inspector =
      new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));

  @BeforeAll
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1_1/demo/image/upload", this::upload);
    server.createContext("/v1_1/demo/image/destroy", this::destroy);
    server.start();
  }

  @AfterAll
  void stop() throws Exception {
    server.stop(0);
  }

  private Cloudinary cloudinary(String prefix) {
    return new Cloudinary(
        ObjectUtils.asMap(
            "cloud_name", "demo", "api_key", "k", "api_secret", SECRET, "upload_prefix", prefix));
  }

  private String prefix() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void theSdksUploadIsSignedIntoTheChatImagesFolderWithTheTransformation() {
    status.set(200);
    uploads.clear();
    ImageFile photo = inspector.inspect(CameraImages.phoneJpeg(30, 20, 1));
    CloudinaryImageStore store = new CloudinaryImageStore(cloudinary(prefix()));
    MessageImage image = store.store(ChatId.fresh(), photo);

    assertThat(image.url())
        .isEqualTo("https://res.cloudinary.com/demo/image/upload/v1/chat-images/abc123.png");
    assertThat(image.publicId()).isEqualTo("chat-images/abc123");
    assertThat(uploads).hasSize(1);
    Map<String, String> request = uploads.get(0);
    assertThat(request.get("folder")).isEqualTo("chat-images");
    assertThat(request.get("transformation")).isEqualTo("c_limit,h_600,q_auto,w_800");
    assertThat(request.get("api_key")).isEqualTo("k");
    assertThat(request.get("file"))
        .as("the re-encoded image, without its EXIF")
        .isEqualTo(new String(photo.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif")
        .doesNotContain(CameraImages.PLACE);
    assertThat(request).containsKey("timestamp");
    Map<String, Object> signed = new HashMap<>(request);
    signed.remove("signature");
    signed.remove("api_key");
    signed.remove("file");
    assertThat(request.get("signature"))
        .isEqualTo(cloudinary(prefix()).apiSignRequest(signed, SECRET))
        .hasSize(40);
  }

  @Test
  void cloudinaryRefusingIs502AndNoMessageIsPublished() {
    status.set(500);
    try {
      UserId ann = stack.userService.add("Ann");
      UserId bob = stack.userService.add("Bob");
      ChatId chat = stack.chats.start(ann, bob, ChatHarness.TOKEN).chat().id();
      MessageService viaCloudinary = service(new CloudinaryImageStore(cloudinary(prefix())));
      ImageFile image = inspector.inspect(TestImages.png(8, 8));
      assertThatThrownBy(
              () ->
                  viaCloudinary.sendImage(
                      ann, chat, image, new Caption("x"), Optional.of(new ClientId("c1"))))
          .isInstanceOfSatisfying(
              Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(502));
      assertThat(stack.chatStore.find(chat).orElseThrow().seq()).isZero();
      assertThat(stack.history.page(bob, chat, Optional.empty(), 50).messages()).isEmpty();

      status.set(200);
      Message sent =
          viaCloudinary.sendImage(
              ann, chat, image, new Caption(""), Optional.of(new ClientId("c1")));
      assertThat(sent.image().url()).startsWith("https://");
      Poll.until(
          Duration.ofSeconds(30),
          "the message published",
          () ->
              stack.events.of(MessageSent.class).stream()
                  .anyMatch(e -> e.message().id().equals(sent.id())));
      assertThat(stack.events.of(MessageSent.class))
          .filteredOn(e -> e.chatId().equals(chat))
          .hasSize(1);
    } finally {
      status.set(200);
    }
  }

  @Test
  void cloudinaryUnreachableIs503() throws Exception {
    CloudinaryImageStore store = new CloudinaryImageStore(cloudinary("http://127.0.0.1:1"));
    assertThatThrownBy(() -> store.store(ChatId.fresh(), inspector.inspect(TestImages.png(4, 4))))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  @Test
  void deletingAnImageCallsDestroySigned() {
    destroys.clear();
    new CloudinaryImageStore(cloudinary(prefix())).delete("chat-images/gone");
    assertThat(destroys)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("public_id")).isEqualTo("chat-images/gone");
              assertThat(d).containsKey("signature");
            });
  }

  private MessageService service(ImageStore images) {
    return new MessageService(
            stack.chats,
            stack.sequence,
            stack.messageStore,
            stack.pipeline,
            stack.admission,
            stack.sendRate,
            images)
        .recentSends(new RecentSends(stack.redis, 15));
  }

  private void upload(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form = form(exchange);
      uploads.add(form);
      if (status.get() != 200) {
        answer(exchange, status.get(), "<html>Internal error</html>");
        return;
      }
      answer(
          exchange,
          200,
          "{\"public_id\":\"chat-images/abc123\",\"version\":1,\"width\":30,\"height\":20,"
              + "\"format\":\"png\",\"resource_type\":\"image\",\"bytes\":"
              + form.get("file").length()
              + ",\"secure_url\":\"https://res.cloudinary.com/demo/image/upload/v1/chat-images/abc123.png\","
              + "\"url\":\"http://res.cloudinary.com/demo/image/upload/v1/chat-images/abc123.png\"}");
    }
  }

  private void destroy(HttpExchange exchange) throws IOException {
    try (exchange) {
      destroys.add(form(exchange));
      answer(exchange, 200, "{\"result\":\"ok\"}");
    }
  }

  /** The fields of a multipart/form-data body, binary ones as ISO-8859-1 text. */
  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String boundary =
        type.substring(type.indexOf("boundary=") + "boundary=".length()).split(";")[0];
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
    Map<String, String> fields = new HashMap<>();
    for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headerEnd);
      int nameAt = headers.indexOf("name=\"");
      if (nameAt < 0) {
        continue;
      }
      String name = headers.substring(nameAt + 6, headers.indexOf('"', nameAt + 6));
      String value = part.substring(headerEnd + 4, part.length() - 2);
      fields.put(
          name,
          name.equals("file")
              ? value
              : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static void answer(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
