package io.chatapp.user.login.boundary;

import jakarta.validation.constraints.NotNull;

/** {@code {"email": ...}}; the address's format is {@code Email}'s rule. */
public record LoginRequest(@NotNull(message = "email is required") String email) {}
