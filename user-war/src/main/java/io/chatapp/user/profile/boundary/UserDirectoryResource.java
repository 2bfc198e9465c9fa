package io.chatapp.user.profile.boundary;

import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.rest.ApiException;
import io.chatapp.user.InvalidValue;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.profile.entity.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Other users: by id, by search, and many by id at once (for the chat service's chat list). */
@RequestScoped
@Authenticated
@Path("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Looking up users")
public class UserDirectoryResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Deeper pages than this nobody reads; past it (page x limit) the skip would overflow. */
  static final int MAX_PAGE = 10_000;

  static final int MAX_QUERY_LENGTH = 100;
  static final int MAX_BATCH = 100;

  @Inject UserStore users;

  @GET
  @Path("{id}")
  @Operation(summary = "One user's document; 400 for a malformed id, 404 for an unknown one")
  public UserView byId(@PathParam("id") String id) {
    return users
        .find(new UserId(id))
        .map(UserView::of)
        .orElseThrow(() -> ApiException.notFound("No user with id " + id));
  }

  @POST
  @Path("all")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Users whose name or email contains q (any case), oldest first; page from 1,"
              + " limit up to 100 (default 50). Body or query parameters.")
  public List<UserView> search(
      UserQuery body,
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    UserQuery query = body == null ? UserQuery.NONE : body;
    String text = query.q() != null ? query.q() : q;
    int pageNumber = query.page() != null ? query.page() : number("page", page, 1);
    int pageSize = query.limit() != null ? query.limit() : number("limit", limit, DEFAULT_LIMIT);
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new InvalidValue("q may be at most " + MAX_QUERY_LENGTH + " characters");
    }
    if (pageNumber < 1 || pageNumber > MAX_PAGE) {
      throw new InvalidValue("page must be between 1 and " + MAX_PAGE);
    }
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      throw new InvalidValue("limit must be between 1 and " + MAX_LIMIT);
    }
    return users.search(text, pageNumber, pageSize).stream().map(UserView::of).toList();
  }

  /** The same search for a POST without a JSON body (query parameters only). */
  @POST
  @Path("all")
  @Operation(hidden = true)
  public List<UserView> searchWithoutBody(
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    return search(null, q, page, limit);
  }

  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Up to 100 users by id at once: {\"ids\": [...]} gives {\"users\": [...]}")
  public BatchReply batch(
      @NotNull(message = "A JSON object body is required") @Valid BatchRequest request) {
    if (request.ids().size() > MAX_BATCH) {
      throw new InvalidValue("ids may hold at most " + MAX_BATCH + " ids");
    }
    List<UserId> ids = request.ids().stream().map(UserId::new).toList();
    return new BatchReply(users.findAll(ids).stream().map(UserView::of).toList());
  }

  private static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValue(name + " must be a whole number");
    }
  }
}
