package io.chatapp.chat.media.boundary;

import static io.chatapp.chat.common.boundary.Requests.userId;

import io.chatapp.chat.media.control.MediaService;
import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;

/**
 * Images of the local store ({@code GET /media/{id}}, the display version; {@code
 * /media/{id}/original}, full size) for the chat's members: the browser's {@code accessToken}
 * cookie or a Bearer token. Both are re-encoded from the upload's pixels, without its metadata. An
 * image never changes, so it is cached for a year, privately.
 */
@Path("/media")
@ApplicationScoped
@Authenticated
public class MediaResource {

  private static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

  @Inject MediaService media;
  @Inject CurrentCaller caller;
  @Context Request request;

  @GET
  @Path("/{publicId}")
  public Response display(@PathParam("publicId") String publicId) {
    return serve(media.open(userId(caller.get()), publicId, false));
  }

  @GET
  @Path("/{publicId}/original")
  public Response original(@PathParam("publicId") String publicId) {
    return serve(media.open(userId(caller.get()), publicId, true));
  }

  private Response serve(MediaService.MediaFile file) {
    EntityTag tag = new EntityTag(file.etag());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
    StreamingOutput body = out -> Files.copy(file.path(), out);
    return Response.ok(body, file.contentType())
        .tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
