package io.chatapp.chat.media.entity;

/**
 * An image checked by its bytes: its format and pixel size, read from its header. The bytes are
 * kept as received; nothing outside this record changes them.
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
