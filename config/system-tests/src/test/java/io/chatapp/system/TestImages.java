package io.chatapp.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Images the system tests upload, drawn here rather than kept as files. */
public final class TestImages {

  private TestImages() {}

  /** A PNG of that size: a pink field with a dark oval, so that a resize is visible. */
  public static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.PINK);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
