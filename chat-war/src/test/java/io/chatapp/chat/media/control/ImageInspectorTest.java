package io.chatapp.chat.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.chat.support.TestImages;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.CameraImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Which bytes are an image a message may carry, decided by decoding them, and what is kept. */
class ImageInspectorTest {

  private final ImageInspector inspector =
      new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));

  static int status(Throwable e) {
    return RefusalMapper.response((Refusal) e).getStatus();
  }

  private static String message(Throwable e) {
    return e.getMessage();
  }

  static BufferedImage decode(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void everyAcceptedFormatIsDecodedAndStoredInAFormatBrowsersShow() {
    assertThat(inspector.inspect(TestImages.png(40, 30)))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.PNG, 40, 30);
    assertThat(inspector.inspect(TestImages.jpeg(33, 21)))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.JPEG, 33, 21);
    assertThat(inspector.inspect(TestImages.gif(7, 9)))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.GIF, 7, 9);
    assertThat(inspector.inspect(TestImages.WEBP_LOSSY))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.JPEG, 1, 1);
  }

  @Test
  void anOpaqueWebpBecomesAJpegAndOneWithTransparencyAPng() throws Exception {
    ImageFile photo = inspector.inspect(TestImages.WEBP_PHOTO, "photo.webp", "image/webp");
    assertThat(photo)
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.JPEG, 64, 48);
    BufferedImage shown = decode(photo.bytes());
    assertThat(new Color(shown.getRGB(4, 4)))
        .satisfies(c -> assertThat(c.getBlue()).isGreaterThan(180));
    assertThat(new Color(shown.getRGB(50, 40)))
        .satisfies(c -> assertThat(c.getRed()).isGreaterThan(200))
        .satisfies(c -> assertThat(c.getBlue()).isLessThan(80));

    ImageFile sticker = inspector.inspect(TestImages.WEBP_ALPHA);
    assertThat(sticker)
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.PNG, 40, 30);
    BufferedImage kept = decode(sticker.bytes());
    assertThat(kept.getColorModel().hasAlpha()).isTrue();
    assertThat(kept.getRGB(5, 5)).isEqualTo(0xffff0000);
    assertThat(kept.getRGB(35, 5) >>> 24).as("alpha of the transparent half").isZero();
  }

  @Test
  void aPhoneJpegLosesItsExifGpsXmpAndCommentAndIsTurnedUpright() throws Exception {
    byte[] upload = CameraImages.phoneJpeg(40, 20, 6);
    assertThat(CameraImages.jpegMarkers(upload)).contains(0xe1, 0xfe);
    assertThat(CameraImages.jpegHeaders(upload)).contains("Exif").contains(CameraImages.PLACE);

    ImageFile stored = inspector.inspect(upload, "IMG_0001.JPG", "image/jpeg");

    assertThat(stored)
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.JPEG, 20, 40);
    assertThat(CameraImages.jpegMarkers(stored.bytes()))
        .doesNotContain(0xe1, 0xe2, 0xed, 0xfe)
        .allSatisfy(marker -> assertThat(marker < 0xe1 || marker > 0xef).as("APP1-15").isTrue());
    assertThat(CameraImages.jpegHeaders(stored.bytes()))
        .doesNotContain("Exif")
        .doesNotContain("http://ns.adobe.com/xap")
        .doesNotContain(CameraImages.PLACE);
    BufferedImage shown = decode(stored.bytes());
    // the red square of the stored top left is at the top right once turned a quarter clockwise
    assertThat(new Color(shown.getRGB(17, 2)))
        .satisfies(c -> assertThat(c.getRed()).isGreaterThan(200))
        .satisfies(c -> assertThat(c.getGreen()).isLessThan(80));
    assertThat(new Color(shown.getRGB(2, 2)))
        .satisfies(c -> assertThat(c.getGreen()).isGreaterThan(200));
  }

  @Test
  void everyExifOrientationIsAppliedToThePixels() throws Exception {
    // where the red square of the stored top left is seen, for an 80×40 picture
    int[][] seenAt = {{}, {3, 3}, {76, 3}, {76, 36}, {3, 36}, {3, 3}, {36, 3}, {36, 76}, {3, 76}};
    for (int orientation = 1; orientation <= 8; orientation++) {
      ImageFile stored = inspector.inspect(CameraImages.phoneJpeg(80, 40, orientation));
      boolean turned = orientation >= 5;
      assertThat(List.of(stored.width(), stored.height()))
          .as("size, orientation %d", orientation)
          .isEqualTo(turned ? List.of(40, 80) : List.of(80, 40));
      Color red =
          new Color(decode(stored.bytes()).getRGB(seenAt[orientation][0], seenAt[orientation][1]));
      assertThat(red.getRed() > 200 && red.getGreen() < 80)
          .as("red square, orientation %d: %s", orientation, red)
          .isTrue();
    }
  }

  @Test
  void aPngLosesItsTextChunks() {
    byte[] upload =
        TestImages.pngWith(
            TestImages.png(30, 20),
            "tEXt",
            ("Comment\0taken at " + CameraImages.PLACE).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(TestImages.pngChunks(upload)).contains("tEXt");

    ImageFile stored = inspector.inspect(upload);

    assertThat(stored)
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.PNG, 30, 20);
    assertThat(TestImages.pngChunks(stored.bytes()))
        .doesNotContain("tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "tIME")
        .allSatisfy(type -> assertThat(type).isIn("IHDR", "PLTE", "tRNS", "IDAT", "IEND"));
    assertThat(new String(stored.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain(CameraImages.PLACE);
  }

  @Test
  void aCmykJpegFromPrintSoftwareIsAcceptedAsAnRgbJpeg() throws Exception {
    byte[] upload = CameraImages.cmykJpeg(32, 24);
    ImageFile stored = inspector.inspect(upload);
    assertThat(stored)
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.JPEG, 32, 24);
    BufferedImage shown = decode(stored.bytes());
    assertThat(shown.getColorModel().getNumComponents()).isEqualTo(3);
    Color left = new Color(shown.getRGB(4, 12));
    Color right = new Color(shown.getRGB(28, 12));
    assertThat(left.getRed()).as("cyan: little red").isLessThan(120);
    assertThat(left.getBlue()).as("cyan: much blue").isGreaterThan(150);
    assertThat(right.getBlue()).as("yellow: little blue").isLessThan(120);
    assertThat(right.getRed()).as("yellow: much red").isGreaterThan(150);
  }

  @Test
  void aRenamedTextFileIs415() {
    byte[] text = "hello, I am not a picture.png\n".repeat(10).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> inspector.inspect(text))
        .satisfies(e -> assertThat(status(e)).isEqualTo(415))
        .satisfies(
            e ->
                assertThat(message(e)).isEqualTo("Only JPG, PNG, GIF and WEBP images can be sent"));
  }

  @Test
  void whatHasAnImagesSignatureButDoesNotDecodeIs400() {
    byte[] png = TestImages.png(20, 20);
    byte[] garbage = Arrays.copyOf(png, 400);
    Arrays.fill(garbage, 8, garbage.length, (byte) 0x5a);
    byte[] big = TestImages.png(300, 300);
    byte[] jpeg = TestImages.jpeg(300, 200);
    byte[] gif = TestImages.gif(300, 200);
    byte[][] refused = {
      TestImages.WEBP_HTML,
      garbage,
      Arrays.copyOf(TestImages.WEBP_PHOTO, 20),
      Arrays.copyOf(TestImages.WEBP_PHOTO, TestImages.WEBP_PHOTO.length - 40),
      Arrays.copyOf(TestImages.webpCanvas(1200, 900), 30), // a header, no image
      Arrays.copyOf(big, big.length / 2),
      Arrays.copyOf(jpeg, jpeg.length / 2),
      Arrays.copyOf(jpeg, 3),
      Arrays.copyOf(gif, gif.length / 2),
    };
    for (int i = 0; i < refused.length; i++) {
      byte[] bytes = refused[i];
      Throwable refusal = catchThrowable(() -> inspector.inspect(bytes));
      assertThat(refusal).as("case %d", i).isInstanceOf(Refusal.class);
      assertThat(status(refusal)).as("case %d", i).isEqualTo(400);
      assertThat(message(refusal)).isEqualTo("The image is damaged or incomplete");
    }
  }

  @Test
  void aWebpChunkHoldingAWebPageIsRefused() {
    for (String chunk : new String[] {"VP8 ", "VP8L", "VP8X", "ALPH"}) {
      byte[] bytes = TestImages.webpHtml(chunk);
      assertThatThrownBy(() -> inspector.inspect(bytes))
          .as(chunk)
          .isInstanceOf(Refusal.class)
          .satisfies(e -> assertThat(status(e)).isIn(400, 413));
    }
  }

  @Test
  void anImageThatIsNotTheFormatItsNameOrTypeSaysIs400() {
    byte[] png = TestImages.png(10, 10);
    assertThatThrownBy(() -> inspector.inspect(png, "holiday.jpg", null))
        .satisfies(e -> assertThat(status(e)).isEqualTo(400))
        .satisfies(
            e ->
                assertThat(message(e)).isEqualTo("The image is a PNG but its file name says JPEG"));
    assertThatThrownBy(() -> inspector.inspect(TestImages.WEBP_HTML, "a.webp", "image/gif"))
        .satisfies(e -> assertThat(status(e)).isEqualTo(400))
        .satisfies(e -> assertThat(message(e)).contains("content type says GIF"));
    assertThat(inspector.inspect(png, "screenshot", "application/octet-stream").format())
        .isEqualTo(ImageFormat.PNG);
    assertThat(inspector.inspect(png, "Screenshot.PNG", "image/png; name=x").format())
        .isEqualTo(ImageFormat.PNG);
  }

  @Test
  void aHugeCanvasIsRefusedFromItsHeaderBeforeDecoding() {
    byte[] bomb = TestImages.pngHeader(50_000, 50_000);
    assertThat(bomb.length).isLessThan(100);
    assertThatThrownBy(() -> inspector.inspect(bomb))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413))
        .satisfies(e -> assertThat(message(e)).contains("50000×50000"));
    assertThatThrownBy(() -> inspector.inspect(TestImages.pngHeader(9_000, 9_000)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413));
    assertThatThrownBy(() -> inspector.inspect(TestImages.webpCanvas(16_000, 10)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413));
  }

  @Test
  void aSixteenBitPngIsCountedAtEightBytesAPixelAndRefusedUndecodedWhenThatIsTooMuch() {
    byte[] png = TestImages.png16(1000, 1000); // a million pixels, 8,000,000 bytes decoded
    ImageInspector roomy = new ImageInspector(new MediaLimits(5 << 20, 40_000_000, 8 << 20));
    assertThat(roomy.inspect(png))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.PNG, 1000, 1000);

    ImageInspector tight = new ImageInspector(new MediaLimits(5 << 20, 40_000_000, 7 << 20));
    long before = allocatedByThisThread();
    Throwable refusal = catchThrowable(() -> tight.inspect(png));
    long allocated = allocatedByThisThread() - before;

    assertThat(status(refusal)).isEqualTo(413);
    assertThat(message(refusal))
        .isEqualTo(
            "The image is 1000×1000 pixels, 7.6 MiB once decoded: at most 7.0 MiB can be decoded"
                + " at once");
    assertThat(allocated).as("bytes allocated, against 8,000,000 decoded").isLessThan(1_000_000);
  }

  @Test
  void aOneColourSixteenBitPngOfFortyMillionPixelsIsRefusedFromItsHeaderAtTheScriptsHeap() {
    byte[] bomb = TestImages.png16(7000, 5700); // within media.max-pixels; 319 MB decoded
    assertThat(bomb.length).isLessThan(500_000);
    long maxMemoryAt384MiB = 395_968_512L; // -Xmx384m -Xmn64m -XX:+UseSerialGC, as config/start
    ImageInspector server =
        new ImageInspector(new MediaLimits(5 << 20, 40_000_000, maxMemoryAt384MiB / 4));
    long before = allocatedByThisThread();
    long started = System.nanoTime();
    Throwable refusal = catchThrowable(() -> server.inspect(bomb));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    long allocated = allocatedByThisThread() - before;

    assertThat(status(refusal)).isEqualTo(413);
    assertThat(message(refusal))
        .isEqualTo(
            "The image is 7000×5700 pixels, 304.4 MiB once decoded: at most 94.4 MiB can be"
                + " decoded at once");
    assertThat(allocated).as("bytes allocated, against 319,200,000 decoded").isLessThan(2_000_000);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aPhotoTurnedByItsExifOrientationCountsItsUprightCopyToo() {
    // 400×300 at 3 bytes a pixel: 360,000 bytes decoded, and as many again to turn it
    ImageInspector inspector = new ImageInspector(new MediaLimits(5 << 20, 40_000_000, 512 << 10));
    assertThat(inspector.inspect(CameraImages.phoneJpeg(400, 300, 1)))
        .extracting(ImageFile::width, ImageFile::height)
        .containsExactly(400, 300);
    assertThatThrownBy(() -> inspector.inspect(CameraImages.phoneJpeg(400, 300, 6)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413))
        .satisfies(
            e ->
                assertThat(message(e))
                    .isEqualTo(
                        "The image is 400×300 pixels, 0.7 MiB once decoded: at most 0.5 MiB can"
                            + " be decoded at once"));
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void anOversizedUploadIs413AfterReadingOneBytePastTheLimit() {
    ImageInspector small = new ImageInspector(new MediaLimits(1024, 40_000_000));
    AtomicLong read = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 0x42;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 0x42);
            read.addAndGet(len);
            return len;
          }
        };
    assertThatThrownBy(() -> small.readLimited(endless))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413))
        .satisfies(e -> assertThat(message(e)).isEqualTo("The image is larger than 1 KiB"));
    assertThat(read.get()).isEqualTo(1025);
    assertThatThrownBy(() -> small.inspect(TestImages.png(200, 200)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(413));
  }

  @Test
  void anUploadWithinTheLimitIsReadWhole() throws Exception {
    byte[] png = TestImages.png(10, 10);
    assertThat(inspector.readLimited(new ByteArrayInputStream(png))).isEqualTo(png);
  }
}
