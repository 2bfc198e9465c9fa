package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A decoded photo or picture encoded again from its pixels alone, so nothing else of the upload is
 * kept (EXIF with its GPS position, XMP, comments, text chunks, ICC profiles): JPEG stays JPEG, PNG
 * stays PNG with its pixel layout (alpha, palette, depth); WEBP, which no Java library writes,
 * becomes PNG when it has transparency and JPEG when not. A JPEG's EXIF orientation is applied to
 * its pixels, and its colours are brought to sRGB (CMYK and ICC-profiled photos).
 */
final class StillImages {

  private StillImages() {}

  static ImageFile reencode(BufferedImage decoded, ImageFormat uploaded, int orientation)
      throws IOException {
    ImageFormat stored =
        switch (uploaded) {
          case JPEG -> ImageFormat.JPEG;
          case PNG -> ImageFormat.PNG;
          case WEBP -> decoded.getColorModel().hasAlpha() ? ImageFormat.PNG : ImageFormat.JPEG;
          case GIF -> throw new IllegalArgumentException("GIF frames are rewritten by GifRewriter");
        };
    BufferedImage pixels =
        uploaded == ImageFormat.PNG
            ? decoded
            : upright(decoded, orientation, stored == ImageFormat.PNG);
    return new ImageFile(
        stored, pixels.getWidth(), pixels.getHeight(), ImageCodecs.encode(pixels, stored));
  }

  /**
   * The image turned upright, in plain sRGB (8 bits a channel, alpha if asked): as decoded when it
   * already is, else drawn once into a new raster, which converts CMYK and profiled colours.
   */
  static BufferedImage upright(BufferedImage image, int orientation, boolean alpha) {
    int type = alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
    if (orientation == JpegMarkers.UPRIGHT && image.getType() == type) {
      return image;
    }
    int width = image.getWidth();
    int height = image.getHeight();
    boolean swap = orientation >= 5; // a quarter turn: the sides swap
    BufferedImage target = new BufferedImage(swap ? height : width, swap ? width : height, type);
    Graphics2D g = target.createGraphics();
    try {
      g.setComposite(AlphaComposite.Src);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(image, transform(orientation, width, height), null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** What draws a {@code width}×{@code height} image stored with this EXIF orientation upright. */
  static AffineTransform transform(int orientation, int width, int height) {
    return switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0); // mirrored
      case 3 -> new AffineTransform(-1, 0, 0, -1, width, height); // upside down
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, height); // mirrored upside down
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // mirrored along the main diagonal
      case 6 -> new AffineTransform(0, 1, -1, 0, height, 0); // a quarter turn clockwise
      case 7 -> new AffineTransform(0, -1, -1, 0, height, width); // mirrored along the other one
      case 8 -> new AffineTransform(0, -1, 1, 0, 0, width); // a quarter turn anticlockwise
      default -> new AffineTransform();
    };
  }
}
