package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The display version of a stored image: at most {@value #MAX_WIDTH}×{@value #MAX_HEIGHT}, aspect
 * kept, same format, made with the JDK's image I/O from the already re-encoded image. JPEG and PNG
 * only (a WEBP upload is stored as one of them): a GIF may be animated, so it is shown as stored.
 * Large images are subsampled while decoding, so the raster in memory stays small whatever the
 * source size.
 */
final class ImageResizer {

  static final int MAX_WIDTH = 800;
  static final int MAX_HEIGHT = 600;

  private ImageResizer() {}

  /** The smaller version, or empty when the image already fits or is not resized. */
  static Optional<byte[]> displayVersion(ImageFile image) throws IOException {
    if (image.format() != ImageFormat.JPEG && image.format() != ImageFormat.PNG) {
      return Optional.empty();
    }
    double scale =
        Math.min((double) MAX_WIDTH / image.width(), (double) MAX_HEIGHT / image.height());
    if (scale >= 1) {
      return Optional.empty();
    }
    int width = Math.max(1, (int) Math.round(image.width() * scale));
    int height = Math.max(1, (int) Math.round(image.height() * scale));
    BufferedImage source = decode(image, Math.max(1, (int) Math.floor(1 / scale / 2)));
    boolean alpha = source.getColorModel().hasAlpha() && image.format() == ImageFormat.PNG;
    BufferedImage target =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return Optional.of(ImageCodecs.encode(target, image.format()));
  }

  private static BufferedImage decode(ImageFile image, int step) throws IOException {
    ImageReader reader = ImageCodecs.reader(image.format());
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(image.bytes()))) {
      reader.setInput(input, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(step, step, 0, 0);
      return reader.read(0, param);
    } finally {
      reader.dispose();
    }
  }
}
