package io.chatapp.chat.media.boundary;

import io.chatapp.chat.media.control.MediaLimits;
import io.chatapp.platform.rest.ErrorBody;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Refuses multipart uploads larger than {@code media.max-bytes} (plus room for the other fields)
 * with 413 before anything parses them: at once when the declared length is too large, else after
 * reading one byte past the limit, never the rest.
 */
@Provider
@PreMatching
public class UploadSizeLimit implements ContainerRequestFilter {

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
      abort(request);
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private void abort(ContainerRequestContext request) {
    request.abortWith(
        Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
            .header("Connection", "close")
            .entity(new ErrorBody("The image is larger than " + limits.maxBytesText()))
            .type(MediaType.APPLICATION_JSON)
            .build());
  }
}
