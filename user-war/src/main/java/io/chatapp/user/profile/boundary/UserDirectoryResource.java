package io.chatapp.user.profile.boundary;

import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.ErrorBody;
import io.chatapp.user.InvalidValue;
import io.chatapp.user.profile.control.UserLookup;
import io.chatapp.user.profile.entity.SearchPage;
import io.chatapp.user.profile.entity.SearchText;
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

/**
 * Other users: by id, by search, and many by id at once (for the chat service's chat list), each
 * with an email only where {@link UserLookup} allows it.
 */
@RequestScoped
@Authenticated
@Path("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Looking up users")
public class UserDirectoryResource {

  static final int MAX_BATCH = 100;

  @Inject CurrentCaller caller;
  @Inject UserLookup users;

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "One user's document (the email only for the user and those who share a chat with"
              + " them); 400 for a malformed id, 404 for an unknown one")
  public UserView byId(@PathParam("id") String id) {
    return users
        .byId(caller(), new UserId(id))
        .orElseThrow(() -> Refusal.notFound("No user with id " + id));
  }

  @POST
  @Path("all")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Users whose name contains q (any case, at least 3 characters), or whose email is q"
              + " when q is a whole address; oldest first; page from 1, limit up to 20 (the"
              + " default). An email is shown only to who typed it whole or shares a chat with"
              + " that user. Body or query parameters.")
  public List<UserView> search(
      UserQuery body,
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    UserQuery query = body == null ? UserQuery.NONE : body;
    SearchText text = new SearchText(query.q() != null ? query.q() : q);
    SearchPage wanted =
        new SearchPage(
            query.page() != null ? query.page() : number("page", page, 1),
            query.limit() != null
                ? query.limit()
                : number("limit", limit, SearchPage.DEFAULT_SIZE));
    return users.search(caller(), text, wanted);
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
  public BatchReply batch(@NotNull(message = ErrorBody.BODY_REQUIRED) @Valid BatchRequest request) {
    if (request.ids().size() > MAX_BATCH) {
      throw new InvalidValue("ids may hold at most " + MAX_BATCH + " ids");
    }
    List<UserId> ids = request.ids().stream().map(UserId::new).toList();
    return new BatchReply(users.byIds(caller(), ids));
  }

  private UserId caller() {
    return new UserId(caller.get().userId());
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
