package io.chatapp.chat.media.control;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.chatapp.chat.media.entity.ImageFormat;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The image codecs, in one place: TwelveMonkeys' readers for JPEG (CMYK and YCCK too, which the JDK
 * cannot decode) and WEBP, the JDK's for PNG and GIF, and the JDK's writers. The TwelveMonkeys
 * readers are made from their providers here rather than found in ImageIO's registry: that registry
 * is one per JVM, filled from the context class loader of whoever touches it first, and this WAR's
 * plugins in it would keep the WAR's classes alive after an undeploy; so it is first touched here
 * with the platform class loader (no effect when the server made it already). Writers are given no
 * metadata, so they write none of the upload's: only what the format needs (JPEG: JFIF).
 */
final class ImageCodecs {

  /** JPEG quality of re-encoded photos: visually lossless, about half a camera's file size. */
  static final float JPEG_QUALITY = 0.9f;

  private static final IIORegistry REGISTRY = registryWithoutThisWar();
  private static final ImageReaderSpi JPEG_READER = twelveMonkeysJpeg();
  private static final ImageReaderSpi WEBP_READER = new WebPImageReaderSpi();

  private ImageCodecs() {}

  /** A new reader for the format; the caller disposes of it. */
  static ImageReader reader(ImageFormat format) throws IOException {
    return switch (format) {
      case JPEG -> JPEG_READER.createReaderInstance();
      case WEBP -> WEBP_READER.createReaderInstance();
      case PNG, GIF -> jdk(ImageIO.getImageReadersByFormatName(format.imageIoName()), format);
    };
  }

  /** A new writer for the format (JPEG, PNG or GIF); the caller disposes of it. */
  static ImageWriter writer(ImageFormat format) {
    if (format == ImageFormat.WEBP) {
      throw new IllegalArgumentException("No WEBP writer: WEBP is stored as PNG or JPEG");
    }
    return jdk(ImageIO.getImageWritersByFormatName(format.imageIoName()), format);
  }

  /** The image encoded as JPEG (at {@link #JPEG_QUALITY}) or PNG, without metadata. */
  static byte[] encode(RenderedImage image, ImageFormat format) throws IOException {
    ImageWriter writer = writer(format);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == ImageFormat.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * The JDK's own codec: the first one of the JDK's plugin package, so that a plugin another
   * library registered globally never answers for us.
   */
  private static <T> T jdk(Iterator<T> codecs, ImageFormat format) {
    T first = null;
    while (codecs.hasNext()) {
      T codec = codecs.next();
      if (codec.getClass().getName().startsWith("com.sun.imageio.")) {
        return codec;
      }
      first = first == null ? codec : first;
    }
    if (first == null) {
      throw new IllegalStateException("No image codec for " + format);
    }
    return first;
  }

  /**
   * TwelveMonkeys' JPEG reader decodes with the JDK's reader underneath, which it finds when
   * registered: registered here in a registry of our own, next to the JDK's provider.
   */
  private static ImageReaderSpi twelveMonkeysJpeg() {
    ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
    own.registerServiceProvider(jdkJpegReader(), ImageReaderSpi.class);
    JPEGImageReaderSpi twelveMonkeys = new JPEGImageReaderSpi();
    own.registerServiceProvider(twelveMonkeys, ImageReaderSpi.class);
    return twelveMonkeys;
  }

  private static IIORegistry registryWithoutThisWar() {
    Thread thread = Thread.currentThread();
    ClassLoader own = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      return IIORegistry.getDefaultInstance();
    } finally {
      thread.setContextClassLoader(own);
    }
  }

  private static ImageReaderSpi jdkJpegReader() {
    Iterator<ImageReaderSpi> providers = REGISTRY.getServiceProviders(ImageReaderSpi.class, false);
    while (providers.hasNext()) {
      ImageReaderSpi provider = providers.next();
      if (provider.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")) {
        return provider;
      }
    }
    throw new IllegalStateException("The JDK's JPEG reader is missing");
  }
}
