package io.chatapp.chat.media.control;

import io.chatapp.platform.errors.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How big an image may be: {@code media.max-bytes} on the wire, {@code media.max-pixels} and
 * {@value #MAX_SIDE} pixels a side once decoded (a small file can claim a huge canvas), and how
 * much of the heap the images being decoded may hold at once, {@code media.decoding-heap-percent}
 * of it (a quarter by default), which is also the most one image may take decoded. At the scripts'
 * 384 MiB heap that is 94 MiB: a 12-megapixel phone photo takes 37 MB decoded, 73 MB when it must
 * be turned upright, while a 16-bit RGBA PNG of 40 million pixels, a 300 KB file when of one
 * colour, would take 320 MB and is refused (413) without being decoded.
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

  @Inject
  @ConfigProperty(name = "media.decoding-heap-percent", defaultValue = "25")
  int decodingHeapPercent;

  private long decodingBytes;

  public MediaLimits() {}

  /** For use outside the container (tests), decoding a quarter of the heap at once. */
  public MediaLimits(long maxBytes, long maxPixels) {
    this(maxBytes, maxPixels, heapShare(25));
  }

  /** For use outside the container (tests), decoding at most {@code decodingBytes} at once. */
  public MediaLimits(long maxBytes, long maxPixels, long decodingBytes) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.decodingBytes = decodingBytes;
  }

  @PostConstruct
  void init() {
    if (decodingHeapPercent < 1 || decodingHeapPercent > 100) {
      throw new IllegalArgumentException(
          "media.decoding-heap-percent is " + decodingHeapPercent + ": it must be 1 to 100");
    }
    decodingBytes = heapShare(decodingHeapPercent);
  }

  private static long heapShare(int percent) {
    return Runtime.getRuntime().maxMemory() / 100 * percent;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public long maxPixels() {
    return maxPixels;
  }

  /** The most bytes of the heap that images being decoded may hold at once, and one image may. */
  public long decodingBytes() {
    return decodingBytes;
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
