package io.chatapp.chat.media.control;

import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How big an image may be: {@code media.max-bytes} on the wire, {@code media.max-pixels} and
 * {@value #MAX_SIDE} pixels a side once decoded (a small file can claim a huge canvas).
 */
@ApplicationScoped
public class MediaLimits {

  public static final int MAX_SIDE = 10_000;

  /** What a multipart request may carry besides the image: the other fields and part headers. */
  public static final int ENVELOPE_BYTES = 64 * 1024;

  @Inject
  @ConfigProperty(name = "media.max-bytes", defaultValue = "5242880")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "media.max-pixels", defaultValue = "40000000")
  long maxPixels;

  public MediaLimits() {}

  /** For use outside the container (tests). */
  public MediaLimits(long maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public long maxPixels() {
    return maxPixels;
  }

  /** The largest multipart request accepted: the image and the envelope around it. */
  public long maxRequestBytes() {
    return maxBytes + ENVELOPE_BYTES;
  }

  /** The refusal of an image over the limit, whether its request or its bytes show it (413). */
  public Refusal tooLarge() {
    return Refusal.tooLarge("The image is larger than " + maxBytesText());
  }

  /** "5 MiB", "300 KiB": the limit as people read it. */
  public String maxBytesText() {
    if (maxBytes % (1024 * 1024) == 0) {
      return maxBytes / (1024 * 1024) + " MiB";
    }
    if (maxBytes % 1024 == 0) {
      return maxBytes / 1024 + " KiB";
    }
    return maxBytes + " bytes";
  }
}
