package io.chatapp.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The user service's REST API, under the original service's {@code /api/v1}. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class UserApplication extends Application {}
