package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.platform.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether bytes are an image a message may carry: JPEG, PNG, GIF or WEBP by their signature
 * (never the file name or the client's content type), a readable header, and a pixel size within
 * {@link MediaLimits} read from the header before any pixel is decoded. JPEG, PNG and GIF are then
 * decoded once, subsampled to a small raster, so a damaged file is refused here.
 */
@ApplicationScoped
public class ImageInspector {

  static final String UNSUPPORTED = "Only JPG, PNG, GIF and WEBP images can be sent";

  /** Decoding for the check keeps at most about this many pixels in memory. */
  private static final long CHECK_PIXELS = 1_000_000;

  @Inject MediaLimits limits;

  public ImageInspector() {}

  /** For use outside the container (tests). */
  public ImageInspector(MediaLimits limits) {
    this.limits = limits;
  }

  /** Reads the upload, at most {@code media.max-bytes}: 413 as soon as it is longer. */
  public byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
    if (bytes.length > limits.maxBytes()) {
      throw tooLarge();
    }
    return bytes;
  }

  /** The checked image, or 415 (not an accepted image), 413 (too large) or 400 (damaged). */
  public ImageFile inspect(byte[] bytes) {
    if (bytes.length > limits.maxBytes()) {
      throw tooLarge();
    }
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .orElseThrow(
                () -> new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED));
    if (format == ImageFormat.WEBP) {
      WebpHeader.Size size =
          WebpHeader.read(bytes)
              .orElseThrow(
                  () -> new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED));
      checkDimensions(size.width(), size.height());
      return new ImageFile(format, size.width(), size.height(), bytes);
    }
    ImageReader reader = reader(format);
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(input, true, true);
      int width;
      int height;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED);
      }
      checkDimensions(width, height);
      ImageReadParam param = reader.getDefaultReadParam();
      int step = subsampling(width, height, CHECK_PIXELS);
      param.setSourceSubsampling(step, step, 0, 0);
      try {
        reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        if (!cmykJpeg(format, e)) {
          throw ApiException.badRequest("The image is damaged or incomplete");
        }
      }
      return new ImageFile(format, width, height, bytes);
    } catch (IOException e) {
      throw ApiException.badRequest("The image is damaged or incomplete");
    } finally {
      reader.dispose();
    }
  }

  /**
   * A CMYK or YCCK JPEG (from print software): valid, but the JDK cannot decode it. Accepted as it
   * is; the local store then shows it as sent.
   */
  private static boolean cmykJpeg(ImageFormat format, Exception e) {
    return format == ImageFormat.JPEG
        && e instanceof IIOException
        && String.valueOf(e.getMessage()).contains("Unsupported Image Type");
  }

  /** The subsampling step that keeps a decoded raster near {@code pixels} pixels. */
  static int subsampling(int width, int height, long pixels) {
    double ratio = Math.sqrt((double) width * height / pixels);
    return Math.max(1, (int) Math.floor(ratio));
  }

  static ImageReader reader(ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new IllegalStateException("No image reader for " + format);
    }
    return readers.next();
  }

  private void checkDimensions(int width, int height) {
    if (width > MediaLimits.MAX_SIDE
        || height > MediaLimits.MAX_SIDE
        || (long) width * height > limits.maxPixels()) {
      throw new ApiException(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          String.format(
              Locale.ROOT,
              "The image is %d×%d pixels: at most %,d pixels a side and %,d pixels in all",
              width,
              height,
              MediaLimits.MAX_SIDE,
              limits.maxPixels()));
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        "The image is larger than " + limits.maxBytesText());
  }
}
