package io.chatapp.chat.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.chat.support.TestImages;
import io.chatapp.platform.rest.ApiException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which bytes are an image a message may carry, decided by the bytes alone. */
class ImageInspectorTest {

  private final ImageInspector inspector =
      new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));

  private static int status(Throwable e) {
    return ((ApiException) e).getResponse().getStatus();
  }

  private static String message(Throwable e) {
    return e.getMessage();
  }

  @Test
  void everyAcceptedFormatIsRecognisedWithItsSize() {
    assertThat(inspector.inspect(TestImages.png(40, 30)))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.PNG, 40, 30);
    assertThat(inspector.inspect(TestImages.jpeg(33, 21)))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.JPEG, 33, 21);
    assertThat(inspector.inspect(TestImages.gif(7, 9)))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.GIF, 7, 9);
    assertThat(inspector.inspect(TestImages.WEBP_LOSSLESS))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.WEBP, 1, 1);
    assertThat(inspector.inspect(TestImages.WEBP_LOSSY))
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.WEBP, 1, 1);
    assertThat(inspector.inspect(TestImages.webpCanvas(1200, 900)))
        .extracting(ImageFile::width, ImageFile::height)
        .containsExactly(1200, 900);
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
  void aPngHeaderOnGarbageIsRefused() {
    byte[] png = TestImages.png(20, 20);
    byte[] garbage = Arrays.copyOf(png, 400);
    Arrays.fill(garbage, 8, garbage.length, (byte) 0x5a);
    assertThatThrownBy(() -> inspector.inspect(garbage))
        .satisfies(e -> assertThat(status(e)).isEqualTo(415));
    byte[] webpGarbage = Arrays.copyOf(TestImages.WEBP_LOSSLESS, 20);
    assertThatThrownBy(() -> inspector.inspect(webpGarbage))
        .satisfies(e -> assertThat(status(e)).isEqualTo(415));
    byte[] big = TestImages.png(300, 300);
    byte[] truncated = Arrays.copyOf(big, big.length / 2);
    assertThatThrownBy(() -> inspector.inspect(truncated))
        .satisfies(e -> assertThat(status(e)).isIn(400, 415));
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
