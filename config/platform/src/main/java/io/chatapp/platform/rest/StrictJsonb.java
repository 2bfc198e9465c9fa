package io.chatapp.platform.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The JSON-B the REST API binds request bodies with: the default one, except that a string field
 * takes only a JSON string. Yasson on its own reads {@code {"name": 5}} or {@code {"name": true}}
 * as the text "5" or "true", so a client's mistake would become a group called "true"; here it is a
 * 400 naming the field ({@link BindingFailure}).
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  /** The reason a string field's value was refused, as {@link BindingFailure} recognises it. */
  static final String NOT_A_STRING = "not a string";

  private static final Jsonb JSONB =
      JsonbBuilder.create(new JsonbConfig().withDeserializers(new StringsOnly()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }

  /** A string field's value: a JSON string or null, nothing else. */
  static final class StringsOnly implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      if (value instanceof JsonString string) {
        return string.getString();
      }
      if (value == JsonValue.NULL) {
        return null;
      }
      throw new JsonbException(NOT_A_STRING);
    }
  }
}
