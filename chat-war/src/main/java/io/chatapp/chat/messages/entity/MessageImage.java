package io.chatapp.chat.messages.entity;

import static io.chatapp.platform.json.JsonSupport.JSON;

import jakarta.json.JsonObject;
import java.net.URI;

/** The image of an image message: where clients load it from and its id in the image store. */
public record MessageImage(String url, String publicId) {

  public MessageImage {
    if (url == null || publicId == null || publicId.isBlank()) {
      throw new IllegalArgumentException("image url and publicId are required");
    }
    String scheme;
    try {
      scheme = URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("image url is not a URL");
    }
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("image url must be http or https");
    }
  }

  public JsonObject toJson() {
    return JSON.createObjectBuilder().add("url", url).add("publicId", publicId).build();
  }

  /** Reads {@code {url, publicId}}; {@link IllegalArgumentException} when it is not one. */
  public static MessageImage of(JsonObject json) {
    try {
      return new MessageImage(json.getString("url"), json.getString("publicId"));
    } catch (NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("image must be {url, publicId}");
    }
  }
}
