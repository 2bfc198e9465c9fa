package io.chatapp.chat.messages.entity;

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
}
