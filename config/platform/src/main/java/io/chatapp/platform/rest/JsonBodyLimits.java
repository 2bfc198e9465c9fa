package io.chatapp.platform.rest;

import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.json.JsonSupport;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses JSON bodies larger than {@code http.max-json-bytes} with 413, whether or not the client
 * declared a length, and bodies nesting deeper than {@link JsonSupport#MAX_DEPTH} levels with 400,
 * before anything parses them: no request of ours nests that deep, and a parser would recurse (or
 * skip an unknown field's nesting) for nothing. Multipart uploads have their own limit.
 */
@Provider
@PreMatching
public class JsonBodyLimits implements ContainerRequestFilter {

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
      byte[] body = read(request.getEntityStream(), request.getLength(), maxJsonBytes);
      requireShallow(new String(body, StandardCharsets.UTF_8));
      request.setEntityStream(new ByteArrayInputStream(body));
    } catch (Refusal refused) {
      request.abortWith(RefusalMapper.response(refused));
    }
  }

  /** Refuses (400) a JSON body that nests deeper than {@link JsonSupport#MAX_DEPTH} levels. */
  public static void requireShallow(String body) {
    if (JsonSupport.nestsTooDeep(body)) {
      throw Refusal.badRequest(
          "The request body nests deeper than " + JsonSupport.MAX_DEPTH + " levels");
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
