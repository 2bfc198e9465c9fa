package io.chatapp.chat.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.testsupport.CameraImages;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/** An animated GIF stays animated, frame for frame, and loses its comments and XMP. */
class GifRewriterTest {

  private static final String IMAGE = "javax_imageio_gif_image_1.0";

  private final ImageInspector inspector =
      new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));

  record Frame(int left, int top, int width, int height, String delay, String disposal, int rgb) {}

  @Test
  void anAnimationKeepsItsFramesTimingAndLoopButNotItsCommentOrXmp() throws Exception {
    byte[] upload = CameraImages.animatedGif();
    assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(CameraImages.PLACE);

    ImageFile stored = inspector.inspect(upload, "dance.gif", "image/gif");

    assertThat(stored)
        .extracting(ImageFile::format, ImageFile::width, ImageFile::height)
        .containsExactly(ImageFormat.GIF, 12, 10);
    assertThat(new String(stored.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain(CameraImages.PLACE)
        .doesNotContain("XMP Data")
        .contains("NETSCAPE2.0");
    assertThat(frames(stored.bytes())).isEqualTo(frames(upload));
    assertThat(frames(stored.bytes()))
        .extracting(Frame::delay, Frame::rgb)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10", Color.RED.getRGB()),
            org.assertj.core.groups.Tuple.tuple("20", Color.GREEN.getRGB()),
            org.assertj.core.groups.Tuple.tuple("30", Color.BLUE.getRGB()));
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new ByteArrayInputStream(stored.bytes()))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      for (int i = 0; i < 3; i++) {
        Node tree = reader.getImageMetadata(i).getAsTree(IMAGE);
        assertThat(child(tree, "CommentExtensions")).as("comments of frame %d", i).isNull();
        assertThat(child(tree, "PlainTextExtension")).isNull();
      }
      reader.dispose();
    }
  }

  @Test
  void tooManyFramesAre413() {
    ImageInspector strict = new ImageInspector(new MediaLimits(5 * 1024 * 1024, 150));
    // 12×10 + 6×5 + 6×5 = 180 pixels in all, over a limit of 150 (each frame alone is within it)
    assertThatThrownBy(() -> strict.inspect(CameraImages.animatedGif()))
        .satisfies(e -> assertThat(ImageInspectorTest.status(e)).isEqualTo(413));
  }

  private static List<Frame> frames(byte[] gif) throws Exception {
    List<Frame> frames = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      for (int i = 0; i < reader.getNumImages(true); i++) {
        Node tree = reader.getImageMetadata(i).getAsTree(IMAGE);
        IIOMetadataNode place = child(tree, "ImageDescriptor");
        IIOMetadataNode control = child(tree, "GraphicControlExtension");
        frames.add(
            new Frame(
                Integer.parseInt(place.getAttribute("imageLeftPosition")),
                Integer.parseInt(place.getAttribute("imageTopPosition")),
                Integer.parseInt(place.getAttribute("imageWidth")),
                Integer.parseInt(place.getAttribute("imageHeight")),
                control.getAttribute("delayTime"),
                control.getAttribute("disposalMethod"),
                reader.read(i).getRGB(1, 1)));
      }
      reader.dispose();
    }
    return frames;
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
