package io.chatapp.chat.media.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a JPEG's marker segments tell before any pixel is decoded: how the camera says it must be
 * turned (the EXIF Orientation tag, 0x0112, in the first directory of the APP1 "Exif" segment; CIPA
 * DC-008 4.6.4), whether it carries an ICC colour profile (APP2 "ICC_PROFILE", which the decoder
 * applies through a raster of its own: see {@link DecodedBytes}), and whether its image data
 * reaches the end-of-image marker. The JDK's decoder fills a cut-off JPEG with grey and only warns,
 * so the second check is what refuses a truncated upload; data after the end (a phone's
 * motion-photo video) is allowed and dropped by re-encoding.
 */
final class JpegMarkers {

  /** As stored: no turn. 2 to 8 mirror and turn it (see {@link StillImages#upright}). */
  static final int UPRIGHT = 1;

  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
  private static final int SOS = 0xda;
  private static final int EOI = 0xd9;
  private static final int APP1 = 0xe1;
  private static final int APP2 = 0xe2;
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int SHORT = 3;

  private JpegMarkers() {}

  /** The orientation of a JPEG, 1 to 8; 1 when it has none or a damaged one. */
  static int orientation(byte[] jpeg) {
    int at = skipFill(jpeg, 2);
    int marker;
    while ((marker = markerAt(jpeg, at)) >= 0 && marker != SOS && marker != EOI) {
      int end = segmentEnd(jpeg, at);
      if (end < 0) {
        return UPRIGHT;
      }
      if (marker == APP1 && startsWith(jpeg, at + 4, end, EXIF)) {
        int orientation = inTiff(jpeg, at + 4 + EXIF.length, end);
        if (orientation != 0) {
          return orientation;
        }
      }
      at = skipFill(jpeg, end);
    }
    return UPRIGHT;
  }

  /** Whether a JPEG carries an ICC colour profile, whichever (sRGB too), before its image data. */
  static boolean hasIccProfile(byte[] jpeg) {
    int at = skipFill(jpeg, 2);
    int marker;
    while ((marker = markerAt(jpeg, at)) >= 0 && marker != SOS && marker != EOI) {
      int end = segmentEnd(jpeg, at);
      if (end < 0) {
        return false;
      }
      if (marker == APP2 && startsWith(jpeg, at + 4, end, ICC_PROFILE)) {
        return true;
      }
      at = skipFill(jpeg, end);
    }
    return false;
  }

  /**
   * Whether the image data that follows the first start-of-scan ends with an end-of-image marker
   * ({@code FF D9} cannot occur inside entropy-coded data, where {@code FF} is followed by 00 or a
   * restart marker).
   */
  static boolean complete(byte[] jpeg) {
    int at = skipFill(jpeg, 2);
    int marker;
    while ((marker = markerAt(jpeg, at)) >= 0 && marker != EOI) {
      int end = segmentEnd(jpeg, at);
      if (end < 0) {
        return false;
      }
      if (marker == SOS) {
        for (int i = end; i + 1 < jpeg.length; i++) {
          if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == EOI) {
            return true;
          }
        }
        return false;
      }
      at = skipFill(jpeg, end);
    }
    return false;
  }

  /** Past the fill bytes ({@code FF}) that may pad the space before a marker. */
  private static int skipFill(byte[] b, int at) {
    while (at + 2 < b.length && (b[at] & 0xff) == 0xff && (b[at + 1] & 0xff) == 0xff) {
      at++;
    }
    return at;
  }

  /** The marker of the segment at {@code at}, after any fill bytes; -1 when there is none. */
  private static int markerAt(byte[] b, int at) {
    if (at + 1 >= b.length || (b[at] & 0xff) != 0xff) {
      return -1;
    }
    return b[at + 1] & 0xff;
  }

  /** Where the segment at {@code at} ends (its length counts itself); -1 past the file's end. */
  private static int segmentEnd(byte[] b, int at) {
    if (at + 4 > b.length) {
      return -1;
    }
    int length = u16(b, at + 2, false);
    int end = at + 2 + length;
    return length < 2 || end > b.length ? -1 : end;
  }

  /**
   * The orientation in the TIFF structure ({@code II} or {@code MM}) at {@code tiff}; 0 if none.
   */
  private static int inTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 0;
    }
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return 0;
    }
    long ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > end) {
      return 0;
    }
    int entries = u16(b, (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      int entry = (int) ifd + 2 + 12 * i;
      if (entry + 12 > end) {
        return 0;
      }
      if (u16(b, entry, little) == ORIENTATION_TAG) {
        int value = u16(b, entry + 8, little);
        boolean valid = u16(b, entry + 2, little) == SHORT && value >= 1 && value <= 8;
        return valid ? value : 0;
      }
    }
    return 0;
  }

  private static boolean startsWith(byte[] b, int from, int end, byte[] prefix) {
    return from + prefix.length <= end
        && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
  }

  private static int u16(byte[] b, int at, boolean little) {
    int first = b[at] & 0xff;
    int second = b[at + 1] & 0xff;
    return little ? first | second << 8 : first << 8 | second;
  }

  private static long u32(byte[] b, int at, boolean little) {
    long low = u16(b, at + (little ? 0 : 2), little);
    long high = u16(b, at + (little ? 2 : 0), little);
    return high << 16 | low;
  }
}
