package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * A GIF written again frame by frame with the JDK's writer, so an animation stays animated: each
 * frame keeps its pixels, palette, place on the canvas, delay, disposal and transparent colour, and
 * the first its loop count (the NETSCAPE2.0 extension). Nothing else is carried over: comments,
 * plain-text frames and other application extensions (XMP among them) are dropped.
 */
final class GifRewriter {

  private static final String STREAM = "javax_imageio_gif_stream_1.0";
  private static final String IMAGE = "javax_imageio_gif_image_1.0";
  private static final String[] PLACE = {
    "imageLeftPosition", "imageTopPosition", "imageWidth", "imageHeight"
  };
  private static final String[] TIMING = {
    "disposalMethod", "delayTime", "transparentColorFlag", "transparentColorIndex"
  };

  private GifRewriter() {}

  /** The {@code frames} frames of the GIF the reader holds, written again. */
  static byte[] rewrite(ImageReader reader, int frames) throws IOException {
    ImageWriter writer = ImageCodecs.writer(ImageFormat.GIF);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      writer.prepareWriteSequence(screen(reader, writer, param));
      for (int i = 0; i < frames; i++) {
        BufferedImage frame = reader.read(i);
        IIOMetadata metadata =
            writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(frame), param);
        metadata.mergeTree(IMAGE, frame(reader, i, frames > 1));
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The size of a GIF's canvas, on which its frames are placed. */
  record Canvas(int width, int height) {}

  /** The canvas of the GIF the reader holds (its logical screen), read from its header. */
  static Canvas canvas(ImageReader reader) throws IOException {
    IIOMetadataNode screen =
        child(reader.getStreamMetadata().getAsTree(STREAM), "LogicalScreenDescriptor");
    if (screen == null) {
      return new Canvas(reader.getWidth(0), reader.getHeight(0));
    }
    return new Canvas(
        Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
        Integer.parseInt(screen.getAttribute("logicalScreenHeight")));
  }

  /** The source's canvas; its global palette is not needed, as every frame gets its own. */
  private static IIOMetadata screen(ImageReader reader, ImageWriter writer, ImageWriteParam param)
      throws IOException {
    Canvas canvas = canvas(reader);
    IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
    screen.setAttribute("logicalScreenWidth", Integer.toString(canvas.width()));
    screen.setAttribute("logicalScreenHeight", Integer.toString(canvas.height()));
    screen.setAttribute("colorResolution", "8");
    screen.setAttribute("pixelAspectRatio", "0");
    IIOMetadataNode root = new IIOMetadataNode(STREAM);
    root.appendChild(screen);
    IIOMetadata metadata = writer.getDefaultStreamMetadata(param);
    metadata.mergeTree(STREAM, root);
    return metadata;
  }

  private static IIOMetadataNode frame(ImageReader reader, int index, boolean animated)
      throws IOException {
    Node source = reader.getImageMetadata(index).getAsTree(IMAGE);
    IIOMetadataNode root = new IIOMetadataNode(IMAGE);
    IIOMetadataNode place = copy(child(source, "ImageDescriptor"), "ImageDescriptor", PLACE);
    place.setAttribute("interlaceFlag", "FALSE");
    root.appendChild(place);
    IIOMetadataNode timing = child(source, "GraphicControlExtension");
    if (timing != null) {
      IIOMetadataNode control = copy(timing, "GraphicControlExtension", TIMING);
      control.setAttribute("userInputFlag", "FALSE");
      root.appendChild(control);
    }
    if (index == 0 && animated) {
      root.appendChild(loops(source));
    }
    return root;
  }

  /** NETSCAPE2.0 with the source's loop count (0, for ever, when it has none). */
  private static IIOMetadataNode loops(Node firstFrame) {
    int count = 0;
    IIOMetadataNode extensions = child(firstFrame, "ApplicationExtensions");
    for (Node e = extensions == null ? null : extensions.getFirstChild();
        e != null;
        e = e.getNextSibling()) {
      IIOMetadataNode extension = (IIOMetadataNode) e;
      if ("NETSCAPE".equals(extension.getAttribute("applicationID"))
          && extension.getUserObject() instanceof byte[] data
          && data.length >= 3
          && data[0] == 1) {
        count = (data[1] & 0xff) | (data[2] & 0xff) << 8;
      }
    }
    IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
    netscape.setAttribute("applicationID", "NETSCAPE");
    netscape.setAttribute("authenticationCode", "2.0");
    netscape.setUserObject(new byte[] {1, (byte) count, (byte) (count >> 8)});
    IIOMetadataNode list = new IIOMetadataNode("ApplicationExtensions");
    list.appendChild(netscape);
    return list;
  }

  private static IIOMetadataNode copy(IIOMetadataNode source, String name, String[] attributes) {
    IIOMetadataNode copy = new IIOMetadataNode(name);
    for (String attribute : attributes) {
      copy.setAttribute(attribute, source.getAttribute(attribute));
    }
    return copy;
  }

  private static IIOMetadataNode child(Node parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (name.equals(n.getNodeName())) {
        return (IIOMetadataNode) n;
      }
    }
    return null;
  }
}
