package io.chatapp.chat.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Small real images made here with the JDK's image I/O, and hand-built headers. */
public final class TestImages {

  /** A 1×1 lossless WEBP (RIFF, VP8L chunk). */
  public static final byte[] WEBP_LOSSLESS =
      HexFormat.of()
          .parseHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");

  /** A 1×1 lossy WEBP (RIFF, VP8 chunk). */
  public static final byte[] WEBP_LOSSY =
      HexFormat.of()
          .parseHex(
              "52494646220000005745425056503820160000003001009d012a010001000ec0fe25a400037000000000");

  private TestImages() {}

  public static byte[] png(int width, int height) {
    return write("png", image(width, height, BufferedImage.TYPE_INT_ARGB));
  }

  public static byte[] jpeg(int width, int height) {
    return write("jpeg", image(width, height, BufferedImage.TYPE_INT_RGB));
  }

  public static byte[] gif(int width, int height) {
    return write("gif", image(width, height, BufferedImage.TYPE_INT_RGB));
  }

  /** An extended WEBP header (VP8X) claiming this canvas. */
  public static byte[] webpCanvas(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    b.put((byte) 0).put(new byte[3]);
    b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
    b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
    return b.array();
  }

  /**
   * A PNG whose header (signature and a valid IHDR chunk with its CRC) claims this size, followed
   * by a tiny IDAT that could never hold it: a decompression bomb's header.
   */
  public static byte[] pngHeader(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static BufferedImage image(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(0, 0, Math.max(1, width / 2), Math.max(1, height / 2));
    g.dispose();
    return image;
  }

  private static byte[] write(String format, BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
