package io.chatapp.chat.media.boundary;

import io.chatapp.chat.media.control.MediaLimits;
import io.chatapp.platform.rest.RefusalMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses multipart uploads larger than {@code media.max-bytes} (plus room for the other fields)
 * with 413 before anything parses them: at once when the declared length is too large, else after
 * reading one byte past the limit, never the rest.
 */
@Provider
@PreMatching
public class UploadSizeLimit implements ContainerRequestFilter {

  /** How much of an oversized upload of undeclared length is read and dropped. */
  private static final int DRAIN_FACTOR = 4;

  @Inject MediaLimits limits;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return;
    }
    long max = limits.maxRequestBytes();
    if (request.getLength() > max) {
      abort(request);
      return;
    }
    byte[] body =
        request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (body.length > max) {
      discardUpTo(request.getEntityStream(), DRAIN_FACTOR * max);
      abort(request);
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  /**
   * Reads and drops what follows an upload of undeclared length that went over the limit, up to a
   * bound, so a client or proxy still sending reads the 413 instead of a broken connection. Nothing
   * is kept; past the bound the connection is closed.
   */
  private static void discardUpTo(InputStream in, long bound) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = bound;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  private void abort(ContainerRequestContext request) {
    request.abortWith(RefusalMapper.response(limits.tooLarge()));
  }
}
