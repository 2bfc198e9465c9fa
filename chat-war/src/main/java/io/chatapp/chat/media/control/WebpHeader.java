package io.chatapp.chat.media.control;

import java.util.Optional;

/**
 * The canvas size of a WEBP image read from its RIFF header (the JDK's image I/O has no WEBP
 * reader): the first chunk is {@code VP8 } (lossy), {@code VP8L} (lossless) or {@code VP8X}
 * (extended), each with the size at a fixed place (Google's "WebP Container Specification").
 */
final class WebpHeader {

  private WebpHeader() {}

  record Size(int width, int height) {}

  /** The size, or empty when the header is not a complete, consistent WEBP header. */
  static Optional<Size> read(byte[] b) {
    if (b.length < 30) {
      return Optional.empty();
    }
    long riffSize = le32(b, 4);
    long chunkSize = le32(b, 16);
    if (riffSize < 4 + 8 + chunkSize || 8 + riffSize > b.length || 20 + chunkSize > b.length) {
      return Optional.empty();
    }
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8 " -> {
        if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
          return Optional.empty();
        }
        return size(le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
      }
      case "VP8L" -> {
        if ((b[20] & 0xff) != 0x2f) {
          return Optional.empty();
        }
        long bits = le32(b, 21);
        return size((int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1);
      }
      case "VP8X" -> {
        return size(le24(b, 24) + 1, le24(b, 27) + 1);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<Size> size(int width, int height) {
    return width > 0 && height > 0 ? Optional.of(new Size(width, height)) : Optional.empty();
  }

  private static int le16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int le24(byte[] b, int at) {
    return le16(b, at) | (b[at + 2] & 0xff) << 16;
  }

  private static long le32(byte[] b, int at) {
    return (le24(b, at) | (long) (b[at + 3] & 0xff) << 24) & 0xffffffffL;
  }
}
