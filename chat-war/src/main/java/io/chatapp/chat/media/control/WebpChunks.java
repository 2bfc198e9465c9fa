package io.chatapp.chat.media.control;

import java.nio.charset.StandardCharsets;

/**
 * The one thing decoding does not tell of a WEBP: whether it holds any image. TwelveMonkeys' reader
 * answers a bare extended header (VP8X, which names a canvas size) with a blank canvas, so the RIFF
 * chunks are walked here: all of them must lie within the file, and one must be image data ({@code
 * VP8 }, {@code VP8L}, or an animation frame, {@code ANMF}). Google's "WebP Container
 * Specification".
 */
final class WebpChunks {

  private static final int HEADER = 12;

  private WebpChunks() {}

  static boolean holdImage(byte[] webp) {
    boolean image = false;
    int at = HEADER;
    while (at + 8 <= webp.length) {
      String type = new String(webp, at, 4, StandardCharsets.US_ASCII);
      long size =
          (webp[at + 4] & 0xffL)
              | (webp[at + 5] & 0xffL) << 8
              | (webp[at + 6] & 0xffL) << 16
              | (webp[at + 7] & 0xffL) << 24;
      long end = at + 8 + size + (size & 1);
      if (end > webp.length + (size & 1)) {
        return false;
      }
      image |= type.equals("VP8 ") || type.equals("VP8L") || type.equals("ANMF");
      at = (int) Math.min(end, Integer.MAX_VALUE);
    }
    return image && at >= webp.length;
  }
}
