package io.chatapp.chat.media.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.chat.support.TestImages;
import io.chatapp.testsupport.CameraImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * What decoding an image is counted to hold, from its header, for each layout the readers make: the
 * figures the class's Javadoc gives as measured, here on 40×30 images.
 */
class DecodedBytesTest {

  private static final int PIXELS = 40 * 30;

  @Test
  void aPngCountsItsRasterAsDecodedWhateverItsDepth() {
    assertThat(counted(TestImages.png16(40, 30))).as("16-bit RGBA").isEqualTo(8 * PIXELS);
    assertThat(counted(TestImages.png(40, 30))).as("8-bit RGBA").isEqualTo(4 * PIXELS);
    assertThat(counted(png(BufferedImage.TYPE_INT_RGB))).as("RGB").isEqualTo(3 * PIXELS);
    assertThat(counted(png(BufferedImage.TYPE_BYTE_INDEXED))).as("palette").isEqualTo(PIXELS);
    assertThat(counted(png(BufferedImage.TYPE_BYTE_BINARY)))
        .as("1 bit: 5 bytes a row")
        .isEqualTo(150);
  }

  @Test
  void aJpegCountsItsUprightCopyOrItsDecodersConversionBesideIt() {
    assertThat(counted(TestImages.jpeg(40, 30))).as("as stored").isEqualTo(3 * PIXELS);
    assertThat(counted(CameraImages.phoneJpeg(40, 30, 1))).as("upright").isEqualTo(3 * PIXELS);
    assertThat(counted(CameraImages.phoneJpeg(40, 30, 6))).as("turned").isEqualTo(6 * PIXELS);
    assertThat(counted(greyJpeg())).as("grey, copied to RGB").isEqualTo(4 * PIXELS);
    assertThat(counted(CameraImages.cmykJpeg(40, 30))).as("CMYK").isEqualTo(7 * PIXELS);
    assertThat(counted(withIccProfile(TestImages.jpeg(40, 30))))
        .as("profiled")
        .isEqualTo(6 * PIXELS);
    assertThat(counted(withIccProfile(CameraImages.phoneJpeg(40, 30, 6))))
        .as("profiled and turned: the conversion's raster is dropped before the copy")
        .isEqualTo(6 * PIXELS);
  }

  @Test
  void aWebpCountsWhatItsDecoderMayHoldAndAGifItsLargestFrame() {
    assertThat(counted(TestImages.WEBP_PHOTO)).as("lossy, opaque").isEqualTo(7 * 64 * 48);
    assertThat(counted(TestImages.WEBP_ALPHA)).as("with alpha").isEqualTo(8 * PIXELS);
    assertThat(
            counted(
                TestImages.write(
                    "gif", new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_INDEXED))))
        .as("GIF of 256 colours")
        .isEqualTo(PIXELS);
    assertThat(counted(TestImages.gif(40, 30))).as("GIF of two colours: 1 bit").isEqualTo(150);
  }

  @Test
  void aLayoutNotKnownCountsEightBytesAPixel() {
    assertThat(DecodedBytes.bitsPerPixel(null)).isEqualTo(64);
    assertThat(DecodedBytes.raster(null, 40, 30)).isEqualTo(8 * PIXELS);
    assertThat(
            DecodedBytes.bitsPerPixel(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_ARGB)))
        .isEqualTo(32);
  }

  @Test
  void aJpegsIccProfileIsFoundInItsHeader() {
    assertThat(JpegMarkers.hasIccProfile(withIccProfile(TestImages.jpeg(8, 8)))).isTrue();
    assertThat(JpegMarkers.hasIccProfile(CameraImages.phoneJpeg(8, 8, 6))).isFalse();
  }

  /** What {@link ImageInspector} counts before decoding the bytes. */
  private static long counted(byte[] bytes) {
    ImageFormat format = ImageFormat.sniff(bytes).orElseThrow();
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageCodecs.reader(format);
      try {
        reader.setInput(input, false, format != ImageFormat.GIF);
        if (format == ImageFormat.GIF) {
          return DecodedBytes.frame(reader, 0);
        }
        int orientation =
            format == ImageFormat.JPEG ? JpegMarkers.orientation(bytes) : JpegMarkers.UPRIGHT;
        boolean profiled = format == ImageFormat.JPEG && JpegMarkers.hasIccProfile(bytes);
        return DecodedBytes.still(reader, format, orientation, profiled);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] png(int type) {
    return TestImages.write("png", new BufferedImage(40, 30, type));
  }

  private static byte[] greyJpeg() {
    return TestImages.write("jpeg", new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY));
  }

  /** The JPEG with an APP2 ICC_PROFILE segment (the JDK's linear RGB profile) after its SOI. */
  private static byte[] withIccProfile(byte[] jpeg) {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + name.length + 2 + profile.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe2, (byte) (length >> 8), (byte) length});
    out.writeBytes(name);
    out.writeBytes(new byte[] {1, 1}); // the first of one chunk
    out.writeBytes(profile);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
