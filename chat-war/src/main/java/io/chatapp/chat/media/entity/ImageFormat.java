package io.chatapp.chat.media.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats a message may carry, recognised by their first bytes. WEBP is accepted but
 * never stored (no Java library writes it): it is re-encoded as PNG or JPEG.
 */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg", "jpeg"),
  PNG("image/png", "png", "png"),
  GIF("image/gif", "gif", "gif"),
  WEBP("image/webp", "webp", "webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String contentType;
  private final String extension;
  private final String imageIoName;

  ImageFormat(String contentType, String extension, String imageIoName) {
    this.contentType = contentType;
    this.extension = extension;
    this.imageIoName = imageIoName;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The name the JDK's image I/O knows the format by. */
  public String imageIoName() {
    return imageIoName;
  }

  /** The format whose signature the bytes start with, if any. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The format with this file extension (as stored by the local image store). */
  public static Optional<ImageFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }

  /** The format a file name's extension names (jpg, jpeg, png, gif, webp…), if any. */
  public static Optional<ImageFormat> namedBy(String fileName) {
    if (fileName == null || fileName.lastIndexOf('.') < 0) {
      return Optional.empty();
    }
    return switch (fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)) {
      case "jpg", "jpeg", "jpe", "jfif" -> Optional.of(JPEG);
      case "png" -> Optional.of(PNG);
      case "gif" -> Optional.of(GIF);
      case "webp" -> Optional.of(WEBP);
      default -> Optional.empty();
    };
  }

  /** The format a content type names (image/jpeg, image/png, image/gif, image/webp), if any. */
  public static Optional<ImageFormat> typedBy(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    return switch (contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)) {
      case "image/jpeg", "image/jpg", "image/pjpeg" -> Optional.of(JPEG);
      case "image/png", "image/x-png" -> Optional.of(PNG);
      case "image/gif" -> Optional.of(GIF);
      case "image/webp" -> Optional.of(WEBP);
      default -> Optional.empty();
    };
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
