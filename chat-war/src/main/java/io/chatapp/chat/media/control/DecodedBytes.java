package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.ImageFormat;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * How many bytes of the heap decoding and re-encoding an image holds at once, worked out from its
 * header before any pixel is decoded, for {@link DecodingBudget}. Pixels do not tell: a one-colour
 * 16-bit RGBA PNG of 7000×5700 pixels, a 310 KB file as the JDK writes it, decodes to 319 MB, a
 * palette PNG of the same size to 40 MB. What counts is the raster the reader decodes into (the
 * first of its image types, which {@code ImageReader.read} uses: its sample model gives the bytes a
 * pixel), and beside it the larger of two things, which are never held together ({@link
 * ImageInspector} resets the reader, dropping the decoder's own rasters, before the copy is made):
 *
 * <ul>
 *   <li>the decoder's own raster. A JPEG whose pixels are in another layout than the decoded one
 *       (CMYK, YCCK) is decoded into a raster of that layout and converted, and so is one that
 *       carries an ICC profile (counted for any profile, sRGB too). A WEBP's alpha may be decoded
 *       through a raster of 4 bytes a pixel, and its lossy decoder keeps about half a byte a pixel
 *       of macroblock state (read from TwelveMonkeys 3.14's code), so a WEBP counts {@value
 *       #WEBP_OWN_BYTES_PER_PIXEL} bytes a pixel more. The JDK's PNG and GIF readers inflate row by
 *       row straight into the image;
 *   <li>the upright sRGB copy {@link StillImages#upright} draws of a JPEG or WEBP that its EXIF
 *       orientation turns, or that is decoded in another layout (grey, a colour profile's): 3 bytes
 *       a pixel, 4 with alpha. A PNG is re-encoded as decoded.
 * </ul>
 *
 * A sample model not recognised counts {@value #UNKNOWN_BYTES_PER_PIXEL} bytes a pixel, the most of
 * any the readers make. Measured on 5000×4000 images, as the least {@code -Xmx} with {@code
 * -XX:+UseSerialGC -Xmn16m} that inspects one, less the young generation (in bytes a pixel, against
 * this count): 16-bit RGBA PNG 8 (8), RGB PNG 3 (3), JPEG 3 (3), the same turned a quarter 6 (6),
 * grey JPEG 4 (4), CMYK JPEG 7 (7), JPEG with an ICC profile 6 (6), turned as well 9 before the
 * reader was reset and 6 after (6), lossless WEBP 3 and with alpha 4 (7 and 8), GIF 1 (1).
 */
final class DecodedBytes {

  /**
   * Bytes a pixel of a layout not recognised: a 16-bit RGBA pixel, the largest the readers make.
   */
  static final int UNKNOWN_BYTES_PER_PIXEL = 8;

  /** Bytes a pixel a WEBP decoder may hold beside the image (alpha, macroblock state). */
  static final int WEBP_OWN_BYTES_PER_PIXEL = 4;

  private DecodedBytes() {}

  /**
   * Image 0 of a JPEG, PNG or WEBP as {@link ImageInspector} decodes and re-encodes it: {@code
   * orientation} is the JPEG's EXIF orientation, {@code profiled} whether it carries an ICC
   * profile.
   */
  static long still(ImageReader reader, ImageFormat format, int orientation, boolean profiled)
      throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    ImageTypeSpecifier decoded = decodedType(reader, 0);
    long image = raster(decoded, width, height);
    long own =
        switch (format) {
          case JPEG -> Math.max(converted(reader, decoded, width, height), profiled ? image : 0);
          case WEBP -> (long) width * height * WEBP_OWN_BYTES_PER_PIXEL;
          case PNG, GIF -> 0;
        };
    long copy =
        format == ImageFormat.PNG ? 0 : uprightCopy(format, decoded, orientation, width, height);
    return image + Math.max(own, copy);
  }

  /** Frame {@code index} of a GIF: its frames are decoded and written again one at a time. */
  static long frame(ImageReader reader, int index) throws IOException {
    return raster(decodedType(reader, index), reader.getWidth(index), reader.getHeight(index));
  }

  /** The bytes of a {@code width}×{@code height} raster of this type; null for one not known. */
  static long raster(ImageTypeSpecifier type, int width, int height) {
    long row = ((long) width * bitsPerPixel(type) + 7) / 8;
    return row * height;
  }

  /** The bits a pixel takes in a raster of this type. */
  static int bitsPerPixel(ImageTypeSpecifier type) {
    SampleModel model = type == null ? null : type.getSampleModel();
    if (model == null) {
      return 8 * UNKNOWN_BYTES_PER_PIXEL;
    }
    int element = DataBuffer.getDataTypeSize(model.getDataType());
    if (model instanceof ComponentSampleModel component) {
      return element * Math.max(component.getPixelStride(), component.getNumBands());
    }
    if (model instanceof SinglePixelPackedSampleModel) {
      return element;
    }
    if (model instanceof MultiPixelPackedSampleModel packed) {
      return packed.getPixelBitStride();
    }
    return 8 * UNKNOWN_BYTES_PER_PIXEL;
  }

  /** What {@code read(index)} decodes into: the first of the reader's image types. */
  private static ImageTypeSpecifier decodedType(ImageReader reader, int index) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(index);
    return types != null && types.hasNext() ? types.next() : null;
  }

  /** A raster of the JPEG's own layout, when it is not the decoded one (CMYK, YCCK). */
  private static long converted(
      ImageReader reader, ImageTypeSpecifier decoded, int width, int height) throws IOException {
    ImageTypeSpecifier raw = reader.getRawImageType(0);
    if (raw == null || decoded == null) {
      return raster(raw, width, height);
    }
    boolean same =
        raw.getNumBands() == decoded.getNumBands()
            && raw.getColorModel().getColorSpace().getType()
                == decoded.getColorModel().getColorSpace().getType();
    return same ? 0 : raster(raw, width, height);
  }

  /**
   * The copy {@link StillImages#upright} makes, if it makes one: of 3 bytes a pixel, 4 for a WEBP
   * with alpha (stored as a PNG), and counted at 4 when the decoded type is not known.
   */
  private static long uprightCopy(
      ImageFormat format, ImageTypeSpecifier decoded, int orientation, int width, int height) {
    if (decoded == null) {
      return (long) width * height * 4;
    }
    boolean alpha = format == ImageFormat.WEBP && decoded.getColorModel().hasAlpha();
    int type = alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
    if (orientation == JpegMarkers.UPRIGHT && decoded.getBufferedImageType() == type) {
      return 0;
    }
    return (long) width * height * (alpha ? 4 : 3);
  }
}
