package io.chatapp.mail.sending.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.mail.sending.entity.OutgoingMail;
import io.chatapp.platform.amqp.PoisonMessageException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code send-otp} message, the JSON of {@link io.chatapp.platform.mail.MailRequest}. A
 * message that can never become a valid mail is poison: it goes to the dead-letter queue at once.
 * Reasons never quote the message, which carries the one-time code.
 */
public final class MailRequestReader {

  private MailRequestReader() {}

  public static OutgoingMail read(byte[] body) throws PoisonMessageException {
    JsonObject json;
    try (JsonReader reader =
        JSON.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new PoisonMessageException("not a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw new PoisonMessageException("malformed JSON");
    }
    try {
      return new OutgoingMail(string(json, "to"), string(json, "subject"), string(json, "body"));
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage());
    }
  }

  private static String string(JsonObject json, String field) throws PoisonMessageException {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new PoisonMessageException(field + " is not a string");
    }
    return string.getString();
  }
}
