package io.chatapp.frontend.backend.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The user service's REST API as the UI uses it (MicroProfile REST Client). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UserServiceClient {

  /** {@code client}: the browser's address, for the user service's limits per client. */
  @POST
  @Path("/login")
  Response login(@HeaderParam("X-Forwarded-For") String client, String body);

  @POST
  @Path("/verify")
  Response verify(@HeaderParam("X-Forwarded-For") String client, String body);

  @GET
  @Path("/auth/refresh")
  Response refresh(@HeaderParam("Cookie") String cookie);

  @POST
  @Path("/logout")
  Response logout(@HeaderParam("Cookie") String cookie, String body);

  @GET
  @Path("/me")
  Response me(@HeaderParam("Authorization") String bearer);

  @POST
  @Path("/update/user")
  Response updateName(@HeaderParam("Authorization") String bearer, String body);

  @POST
  @Path("/user/all")
  Response search(@HeaderParam("Authorization") String bearer, String body);
}
