package io.chatapp.chat.media.entity;

/**
 * An accepted image as it is stored: decoded from the upload and encoded again, so its bytes carry
 * the pixels (turned upright) and nothing else of the upload. Its format is the stored one (a WEBP
 * upload is stored as PNG or JPEG), its size the upright one.
 */
public record ImageFile(ImageFormat format, int width, int height, byte[] bytes) {

  public ImageFile {
    if (format == null || bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("image is required");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image dimensions must be positive");
    }
  }

  public long pixels() {
    return (long) width * height;
  }
}
