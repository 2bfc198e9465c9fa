package io.chatapp.chat.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
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

  /**
   * A 64×48 lossy WEBP, opaque: orange with a blue 16×12 block at the top left (cwebp 1.2.4, {@code
   * -q 80 -metadata none}, from a PNG drawn by the JDK).
   */
  public static final byte[] WEBP_PHOTO =
      HexFormat.of()
          .parseHex(
              "524946467e0000005745425056503820720000005005009d012a400030003e6d369748a4232221256800"
                  + "800d8965007885f55fc2b9601fc02e3feec000403f7ebe619e1b755b3000fefca5b47f7557ffffc8"
                  + "0fe3fd6fb695b1c2062dda56c70837fface1d8191306678d720dff3c32ef7c37be1fe717fcd150e0"
                  + "d2a6a0664f2ebe6e00000000");

  /**
   * A 40×30 lossless WEBP with transparency: its left half opaque red, its right half transparent
   * (cwebp 1.2.4, {@code -lossless -metadata none}).
   */
  public static final byte[] WEBP_ALPHA =
      HexFormat.of()
          .parseHex(
              "5249464626000000574542505650384c1a0000002f274007100f10f31ff31f0c2101e181ff6b3d9023"
                  + "fa1f250c01");

  /** A RIFF/WEBP header followed by a web page, as an attacker would upload it. */
  public static final byte[] WEBP_HTML = webpHtml();

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

  /**
   * An extended WEBP header (VP8X) claiming this canvas, followed by the 40×30 image of {@link
   * #WEBP_ALPHA}: a decompression bomb's header.
   */
  public static byte[] webpCanvas(int width, int height) {
    byte[] image = Arrays.copyOfRange(WEBP_ALPHA, 12, WEBP_ALPHA.length);
    ByteBuffer b = ByteBuffer.allocate(30 + image.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22 + image.length);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    b.put((byte) 0).put(new byte[3]);
    b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
    b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
    b.put(image);
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

  /**
   * A real {@code width}×{@code height} PNG of 16 bits a channel with alpha, all one colour (opaque
   * orange): a small file (460 KB at 7000×5700) that the JDK's reader decodes at 8 bytes a pixel
   * (319 MB at 7000×5700). Made without the image in memory and without compressing every row: each
   * row is compressed on its own (a full flush), so every row after the first is the same bytes,
   * written again.
   */
  public static byte[] png16(int width, int height) {
    byte[] row = new byte[1 + 8 * width];
    row[0] = 1; // filter Sub: each pixel after the first is stored as its (zero) difference
    byte[] orange = {
      (byte) 0xff, (byte) 0xff, (byte) 0xa5, (byte) 0xa5, 0, 0, (byte) 0xff, (byte) 0xff
    };
    System.arraycopy(orange, 0, row, 1, orange.length);
    Deflater deflater = new Deflater();
    byte[] buffer = new byte[row.length + 1024];
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    deflater.setInput(row);
    idat.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH));
    deflater.setInput(row);
    int length = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
    for (int y = 1; y < height; y++) {
      idat.write(buffer, 0, length);
    }
    deflater.finish();
    int end = deflater.deflate(buffer, 0, buffer.length);
    deflater.end();
    Adler32 adler = new Adler32(); // the zlib stream's checksum, of all the rows
    for (int y = 0; y < height; y++) {
      adler.update(row);
    }
    idat.write(buffer, 0, end - 4);
    idat.writeBytes(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A RIFF/WEBP header, then a chunk of this type holding a web page. */
  public static byte[] webpHtml(String chunk) {
    return webpHtml(
        (chunk + "<html><script>alert(document.cookie)</script></html>")
            .getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] webpHtml() {
    return webpHtml(
        "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] webpHtml(byte[] page) {
    ByteBuffer b = ByteBuffer.allocate(12 + page.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + page.length);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(page);
    return b.array();
  }

  /** The PNG with these chunks inserted right after its header chunk (IHDR). */
  public static byte[] pngWith(byte[] png, String type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int afterHeader = 8 + 4 + 4 + 13 + 4;
    out.write(png, 0, afterHeader);
    chunk(out, type, data);
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  /** The chunk types of a PNG, in order. */
  public static java.util.List<String> pngChunks(byte[] png) {
    java.util.List<String> types = new java.util.ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    while (b.remaining() >= 12) {
      int length = b.getInt();
      byte[] type = new byte[4];
      b.get(type);
      types.add(new String(type, StandardCharsets.US_ASCII));
      b.position(b.position() + length + 4);
    }
    return types;
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

  /** The image encoded in {@code format} by ImageIO's writer for it. */
  public static byte[] write(String format, BufferedImage image) {
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
