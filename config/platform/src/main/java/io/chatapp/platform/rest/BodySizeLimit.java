package io.chatapp.platform.rest;

import io.chatapp.platform.errors.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses JSON bodies larger than {@code http.max-json-bytes} with 413 before anything parses them,
 * whether or not the client declared a length. Multipart uploads have their own limit.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "http.max-json-bytes", defaultValue = "65536")
  int maxJsonBytes;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return;
    }
    try {
      request.setEntityStream(
          new ByteArrayInputStream(
              read(request.getEntityStream(), request.getLength(), maxJsonBytes)));
    } catch (Refusal tooLarge) {
      request.abortWith(RefusalMapper.response(tooLarge));
    }
  }

  /**
   * A JSON body of at most {@code maxJsonBytes} ({@code declaredLength}: its {@code
   * Content-Length}, or -1), read whole; 413 when it is larger, whatever it declared.
   */
  public static byte[] read(InputStream body, long declaredLength, int maxJsonBytes)
      throws IOException {
    if (declaredLength > maxJsonBytes) {
      throw tooLarge(maxJsonBytes);
    }
    byte[] head = body.readNBytes(maxJsonBytes + 1);
    if (head.length > maxJsonBytes) {
      throw tooLarge(maxJsonBytes);
    }
    return head;
  }

  private static Refusal tooLarge(int maxJsonBytes) {
    return Refusal.tooLarge("The request body is larger than " + maxJsonBytes + " bytes");
  }
}
