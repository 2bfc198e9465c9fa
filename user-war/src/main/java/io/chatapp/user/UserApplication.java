package io.chatapp.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The user service's REST API, under the original service's {@code /api/v1}. */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Chat user service",
            version = "1",
            description =
                "Login by one-time code, session cookies (accessToken, refreshToken) and profiles."
                    + " Protected endpoints take the accessToken cookie or Authorization: Bearer."))
public class UserApplication extends Application {}
