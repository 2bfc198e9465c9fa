package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.platform.errors.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether bytes are an image a message may carry, and makes the version that is stored.
 * JPEG, PNG, GIF or WEBP by their signature (415 otherwise), agreeing with the file name and
 * content type the client gave, if those name an image format (400 otherwise); a pixel size within
 * {@link MediaLimits}, and a size once decoded within what may be decoded at once ({@link
 * DecodedBytes}, {@link DecodingBudget}), both read from the header before any pixel is decoded
 * (413); then decoded whole, which is the check of the content (400 when it does not decode), and
 * encoded again from its pixels, so no metadata of the upload (EXIF with GPS, XMP, comments) is
 * ever stored or served.
 */
@ApplicationScoped
public class ImageInspector {

  private static final Logger LOG = Logger.getLogger(ImageInspector.class.getName());

  static final String UNSUPPORTED = "Only JPG, PNG, GIF and WEBP images can be sent";
  static final String DAMAGED = "The image is damaged or incomplete";

  /** An animation may have at most this many frames. */
  static final int MAX_FRAMES = 1_000;

  @Inject MediaLimits limits;

  private DecodingBudget budget;

  public ImageInspector() {}

  /** For use outside the container (tests). */
  public ImageInspector(MediaLimits limits) {
    this.limits = limits;
    init();
  }

  @PostConstruct
  void init() {
    budget = new DecodingBudget(limits.decodingBytes());
    LOG.info(() -> "Images: at most " + mebibytes(budget.capacity()) + " decoded at once");
  }

  /** Reads the upload, at most {@code media.max-bytes}: 413 as soon as it is longer. */
  public byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
    if (bytes.length > limits.maxBytes()) {
      throw limits.tooLarge();
    }
    return bytes;
  }

  /** {@link #inspect(byte[], String, String)} of bytes that came with no name or type. */
  public ImageFile inspect(byte[] bytes) {
    return inspect(bytes, null, null);
  }

  /**
   * The image to store, or 415 (not an accepted image), 400 (damaged, or not the format its {@code
   * fileName} or {@code contentType} names; either may be null), 413 (too large).
   */
  public ImageFile inspect(byte[] bytes, String fileName, String contentType) {
    if (bytes.length > limits.maxBytes()) {
      throw limits.tooLarge();
    }
    ImageFormat format =
        ImageFormat.sniff(bytes).orElseThrow(() -> Refusal.unsupportedType(UNSUPPORTED));
    requireNamed(format, "file name", ImageFormat.namedBy(fileName));
    requireNamed(format, "content type", ImageFormat.typedBy(contentType));
    if (format == ImageFormat.JPEG && !JpegMarkers.complete(bytes)
        || format == ImageFormat.WEBP && !WebpChunks.holdImage(bytes)) {
      throw Refusal.badRequest(DAMAGED);
    }
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageCodecs.reader(format);
      try {
        reader.setInput(input, false, format != ImageFormat.GIF);
        return decodeAndEncode(reader, format, bytes);
      } finally {
        reader.dispose();
      }
    } catch (Refusal e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw Refusal.badRequest(DAMAGED);
    }
  }

  private ImageFile decodeAndEncode(ImageReader reader, ImageFormat format, byte[] bytes)
      throws IOException {
    if (format == ImageFormat.GIF) {
      GifRewriter.Canvas canvas = GifRewriter.canvas(reader);
      checkDimensions(canvas.width(), canvas.height());
      Frames frames = checkedFrames(reader);
      try (DecodingBudget.Permit permit =
          budgeted(canvas.width(), canvas.height(), frames.largestBytes())) {
        byte[] gif = GifRewriter.rewrite(reader, frames.count());
        return new ImageFile(format, canvas.width(), canvas.height(), gif);
      }
    }
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    checkDimensions(width, height);
    int orientation =
        format == ImageFormat.JPEG ? JpegMarkers.orientation(bytes) : JpegMarkers.UPRIGHT;
    boolean profiled = format == ImageFormat.JPEG && JpegMarkers.hasIccProfile(bytes);
    long decoded = DecodedBytes.still(reader, format, orientation, profiled);
    try (DecodingBudget.Permit permit = budgeted(width, height, decoded)) {
      BufferedImage pixels = reader.read(0);
      reader.reset(); // drops the decoder's own rasters before the upright copy is made
      return StillImages.reencode(pixels, format, orientation);
    }
  }

  /**
   * A hold on {@code bytes} of the decoding budget; 413 when the image alone needs more than may be
   * decoded at once, so it is never decoded.
   */
  private DecodingBudget.Permit budgeted(int width, int height, long bytes) {
    if (bytes > budget.capacity()) {
      throw Refusal.tooLarge(
          String.format(
              Locale.ROOT,
              "The image is %d×%d pixels, %s once decoded: at most %s can be decoded at once",
              width,
              height,
              mebibytes(bytes),
              mebibytes(budget.capacity())));
    }
    return budget.take(bytes);
  }

  /** "94.4 MiB": bytes as people read them. */
  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024));
  }

  /** A GIF's frame count and the bytes of its largest frame decoded. */
  private record Frames(int count, long largestBytes) {}

  /** The frames of a GIF, each within the size limits, and all within the pixel limit. */
  private Frames checkedFrames(ImageReader reader) throws IOException {
    int frames = reader.getNumImages(true);
    if (frames < 1) {
      throw Refusal.badRequest(DAMAGED);
    }
    if (frames > MAX_FRAMES) {
      throw Refusal.tooLarge("The animation has " + frames + " frames: at most " + MAX_FRAMES);
    }
    long pixels = 0;
    long largest = 0;
    for (int i = 0; i < frames; i++) {
      checkDimensions(reader.getWidth(i), reader.getHeight(i));
      pixels += (long) reader.getWidth(i) * reader.getHeight(i);
      largest = Math.max(largest, DecodedBytes.frame(reader, i));
    }
    if (pixels > limits.maxPixels()) {
      throw Refusal.tooLarge(
          String.format(
              Locale.ROOT,
              "The animation's frames hold %,d pixels: at most %,d in all",
              pixels,
              limits.maxPixels()));
    }
    return new Frames(frames, largest);
  }

  /** 400 when the client named an accepted format other than the one the bytes are. */
  private static void requireNamed(ImageFormat actual, String what, Optional<ImageFormat> named) {
    if (named.isPresent() && named.get() != actual) {
      throw Refusal.badRequest(
          "The image is a " + actual + " but its " + what + " says " + named.get());
    }
  }

  private void checkDimensions(int width, int height) {
    if (width > MediaLimits.MAX_SIDE
        || height > MediaLimits.MAX_SIDE
        || (long) width * height > limits.maxPixels()) {
      throw Refusal.tooLarge(
          String.format(
              Locale.ROOT,
              "The image is %d×%d pixels: at most %,d pixels a side and %,d pixels in all",
              width,
              height,
              MediaLimits.MAX_SIDE,
              limits.maxPixels()));
    }
  }
}
