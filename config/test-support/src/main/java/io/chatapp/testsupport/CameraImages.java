package io.chatapp.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pictures as cameras, phones and editors make them, built byte by byte: a JPEG with an EXIF
 * segment (orientation and a GPS position), XMP and a comment; a CMYK JPEG; an animated GIF with a
 * comment and an XMP extension. And the segment list of a JPEG, to see what an output carries.
 */
public final class CameraImages {

  /** Where the pictures were "taken", as it appears in their metadata. */
  public static final String PLACE = "52.5200N 13.4050E";

  private CameraImages() {}

  /**
   * A {@code width}×{@code height} JPEG as a phone stores it: white with a red square at the top
   * left of the stored pixels, an EXIF segment with this orientation and a GPS position, an XMP
   * segment and a comment.
   */
  public static byte[] phoneJpeg(int width, int height, int orientation) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillRect(
        0, 0, Math.max(1, Math.min(width, height) / 4), Math.max(1, Math.min(width, height) / 4));
    g.dispose();
    byte[] jpeg = write(image, "jpeg");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xe1, concat(ascii("Exif\0\0"), exif(orientation)));
    segment(
        out,
        0xe1,
        ascii(
            "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:"
                + "Description exif:GPSLatitude=\""
                + PLACE
                + "\"/></rdf:RDF></x:xmpmeta>"));
    segment(out, 0xfe, ascii("taken at " + PLACE));
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The markers of a JPEG's segments up to its image data (SOS), in order. */
  public static List<Integer> jpegMarkers(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
      int marker = jpeg[at + 1] & 0xff;
      markers.add(marker);
      if (marker == 0xda) {
        break;
      }
      at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
    }
    return markers;
  }

  /** Everything of a JPEG before its image data, as text (to look for metadata in it). */
  public static String jpegHeaders(byte[] jpeg) {
    int end = 2;
    for (int marker : jpegMarkers(jpeg)) {
      end += 2 + ((jpeg[end + 2] & 0xff) << 8 | (jpeg[end + 3] & 0xff));
      if (marker == 0xda) {
        break;
      }
    }
    return new String(jpeg, 0, Math.min(end, jpeg.length), StandardCharsets.ISO_8859_1);
  }

  /**
   * A CMYK JPEG as print software writes it (an Adobe segment, four channels, no JFIF): cyan on the
   * left half, yellow on the right.
   */
  public static byte[] cmykJpeg(int width, int height) {
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean left = x < width / 2;
        // Adobe's CMYK JPEGs store ink inverted: 0 is full ink
        raster.setPixel(x, y, new int[] {left ? 0 : 255, 255, left ? 255 : 0, 255});
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = jdkWriter("jpeg");
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = bytes.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xee, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /**
   * An animated GIF on a 12×10 canvas, looping for ever: a red frame over all of it, then a green
   * and a blue 6×5 frame at (3, 2), shown 0.1, 0.2 and 0.3 s; the first frame carries a comment and
   * an XMP extension naming {@link #PLACE}.
   */
  public static byte[] animatedGif() {
    ImageWriter writer = jdkWriter("gif");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      Color[] colours = {Color.RED, Color.GREEN, Color.BLUE};
      for (int i = 0; i < colours.length; i++) {
        BufferedImage frame =
            new BufferedImage(i == 0 ? 12 : 6, i == 0 ? 10 : 5, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = frame.createGraphics();
        g.setColor(colours[i]);
        g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
        g.dispose();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata =
            writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(frame), param);
        metadata.mergeTree("javax_imageio_gif_image_1.0", gifFrame(i, frame));
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static IIOMetadataNode gifFrame(int index, BufferedImage frame) {
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_gif_image_1.0");
    IIOMetadataNode place = new IIOMetadataNode("ImageDescriptor");
    place.setAttribute("imageLeftPosition", index == 0 ? "0" : "3");
    place.setAttribute("imageTopPosition", index == 0 ? "0" : "2");
    place.setAttribute("imageWidth", Integer.toString(frame.getWidth()));
    place.setAttribute("imageHeight", Integer.toString(frame.getHeight()));
    place.setAttribute("interlaceFlag", "FALSE");
    root.appendChild(place);
    IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
    control.setAttribute("disposalMethod", "doNotDispose");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(10 * (index + 1)));
    control.setAttribute("transparentColorIndex", "0");
    root.appendChild(control);
    if (index == 0) {
      IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
      applications.appendChild(application("NETSCAPE", "2.0", new byte[] {1, 0, 0}));
      applications.appendChild(application("XMP Data", "XMP", ascii("<xmp>" + PLACE + "</xmp>")));
      root.appendChild(applications);
      IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
      IIOMetadataNode comment = new IIOMetadataNode("CommentExtension");
      comment.setAttribute("value", "taken at " + PLACE);
      comments.appendChild(comment);
      root.appendChild(comments);
    }
    return root;
  }

  private static IIOMetadataNode application(String id, String code, byte[] data) {
    IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
    extension.setAttribute("applicationID", id);
    extension.setAttribute("authenticationCode", code);
    extension.setUserObject(data);
    return extension;
  }

  /**
   * A big-endian TIFF structure as EXIF holds it: IFD0 with the orientation and a pointer to a GPS
   * directory holding latitude and longitude (52°31'12.34" N, 13°24'0" E).
   */
  private static byte[] exif(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(140);
    b.put(ascii("MM")).putShort((short) 42).putInt(8);
    b.putShort((short) 2);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    b.putInt(0);
    b.putShort((short) 4);
    b.putShort((short) 1).putShort((short) 2).putInt(2).put(ascii("N\0\0\0"));
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
    b.putShort((short) 3).putShort((short) 2).putInt(2).put(ascii("E\0\0\0"));
    b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
    b.putInt(0);
    b.putInt(52).putInt(1).putInt(31).putInt(1).putInt(1234).putInt(100);
    b.putInt(13).putInt(1).putInt(24).putInt(1).putInt(0).putInt(1);
    return b.array();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    out.write(0xff);
    out.write(marker);
    out.write((data.length + 2) >> 8);
    out.write((data.length + 2) & 0xff);
    out.writeBytes(data);
  }

  private static ImageWriter jdkWriter(String format) {
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
      ImageWriter writer = it.next();
      if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
        return writer;
      }
    }
    throw new IllegalStateException("No JDK writer for " + format);
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
