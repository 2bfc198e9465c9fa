package io.chatapp.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The chat service's REST API, under the original service's {@code /api/v1}. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class ChatApplication extends Application {}
