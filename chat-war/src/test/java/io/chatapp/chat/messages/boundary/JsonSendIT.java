package io.chatapp.chat.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.support.TestBed;
import io.chatapp.testsupport.MultipartForm;
import io.chatapp.testsupport.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JSON send in Payara Micro, served by {@link JsonSendFilter} ahead of JAX-RS: its 201, each of
 * its refusals with the status, message and headers the API gives them, and the sends the filter
 * leaves to the resource (multipart, a client that does not take JSON).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class JsonSendIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestBed.deployment();
  }

  @ArquillianResource URL base;

  final TestBed bed = TestBed.get();

  /** HTTP/1.1: over cleartext HTTP/2 a body refused unread (413) stalls the connection. */
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  String annToken;
  String chatId;

  @BeforeEach
  void aChat() throws Exception {
    annToken = bed.token(bed.ann, Duration.ofMinutes(5));
    HttpResponse<String> created =
        send(
            "api/v1/chat/new",
            "Bearer " + annToken,
            "application/json",
            Json.createObjectBuilder().add("otherUserId", bed.bob.value()).build().toString());
    chatId = json(created).getString("chatId");
  }

  @Test
  void aSendIsA201WithTheMessageAndARetryWithItsClientIdGetsTheSameOne() throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("chatId", chatId)
            .add("text", "héllo ✓")
            .add("clientId", UUID.randomUUID().toString())
            .build()
            .toString();

    HttpResponse<String> first = send("Bearer " + annToken, body);
    HttpResponse<String> again = send("Bearer " + annToken, body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonObject message = json(first).getJsonObject("message");
    assertThat(message.getString("text")).isEqualTo("héllo ✓");
    assertThat(message.getString("chatId")).isEqualTo(chatId);
    assertThat(message.getString("sender")).isEqualTo(bed.ann.value());
    assertThat(json(again).getJsonObject("message").getString("_id"))
        .isEqualTo(message.getString("_id"));
  }

  @Test
  void eachRefusalIsA4xxWithItsMessage() throws Exception {
    String valid = "{\"chatId\":\"" + chatId + "\",\"text\":\"hi\"}";

    assertRefused(send(null, valid), 401, "Not authenticated");
    assertRefused(
        send("Bearer " + TestTokens.forged(bed.ann.value()), valid), 401, "invalid or expired");
    assertRefused(send("Bearer " + annToken, "{\"chatId\": "), 400, "not valid JSON");
    assertRefused(send("Bearer " + annToken, "[1]"), 400, "must be a JSON object");
    assertRefused(send("Bearer " + annToken, ""), 400, "JSON object body is required");
    assertRefused(send("Bearer " + annToken, "{\"text\":\"hi\"}"), 400, "chatId is required");
    assertRefused(
        send("Bearer " + annToken, "{\"chatId\":\"" + chatId + "\",\"text\":7}"),
        400,
        "text has a value that is not a string");
    assertRefused(
        send(
            "Bearer " + annToken,
            "{\"chatId\":\"" + chatId + "\",\"text\":\"hi\",\"replyTo\":\"x\"}"),
        400,
        "replyTo");
    assertRefused(
        send(
            "Bearer " + annToken,
            "{\"chatId\":\"" + chatId + "\",\"text\":\"" + "a".repeat(70_000) + "\"}"),
        413,
        "larger than");
    String cidsToken = bed.token(bed.cid, Duration.ofMinutes(5));
    HttpResponse<String> stranger = send("Bearer " + cidsToken, valid);
    assertThat(stranger.statusCode()).as(stranger.body()).isBetween(403, 404);
    assertThat(json(stranger).getString("message")).isNotBlank();
  }

  @Test
  void aCookieLoginMaySendOnlyFromTheWebUi() throws Exception {
    String valid = "{\"chatId\":\"" + chatId + "\",\"text\":\"from a page\"}";
    HttpRequest.Builder fromAnotherSite =
        request("api/v1/message", "application/json", valid)
            .header("Cookie", "accessToken=" + annToken)
            .header("Origin", "http://evil.test");

    HttpResponse<String> refused = http.send(fromAnotherSite.build(), ofString());

    assertRefused(refused, 403, "another site");
  }

  @Test
  void sendsTheFilterDoesNotServeReachTheResource() throws Exception {
    MultipartForm form = new MultipartForm().field("chatId", chatId).field("text", "as multipart");
    HttpResponse<String> asMultipart =
        http.send(
            base(HttpRequest.newBuilder(), "api/v1/message")
                .header("Authorization", "Bearer " + annToken)
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build(),
            ofString());
    HttpResponse<String> notTakingJson =
        http.send(
            request(
                    "api/v1/message",
                    "application/json",
                    "{\"chatId\":\"" + chatId + "\",\"text\":\"x\"}")
                .header("Authorization", "Bearer " + annToken)
                .header("Accept", "text/html")
                .build(),
            ofString());

    assertThat(asMultipart.statusCode()).as(asMultipart.body()).isEqualTo(201);
    assertThat(json(asMultipart).getJsonObject("message").getString("text"))
        .isEqualTo("as multipart");
    assertThat(notTakingJson.statusCode()).isEqualTo(406);
  }

  private static void assertRefused(HttpResponse<String> answer, int status, String message) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(json(answer).getString("message")).contains(message);
  }

  private HttpResponse<String> send(String authorization, String body) throws Exception {
    return send("api/v1/message", authorization, "application/json", body);
  }

  private HttpResponse<String> send(String path, String authorization, String type, String body)
      throws Exception {
    HttpRequest.Builder request = request(path, type, body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), ofString());
  }

  private HttpRequest.Builder base(HttpRequest.Builder request, String path) throws Exception {
    return request.uri(base.toURI().resolve(path));
  }

  private HttpRequest.Builder request(String path, String type, String body) throws Exception {
    return base(HttpRequest.newBuilder(), path)
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static JsonObject json(HttpResponse<String> answer) {
    return Json.createReader(new StringReader(answer.body())).readObject();
  }
}
