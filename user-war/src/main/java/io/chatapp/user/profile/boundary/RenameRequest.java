package io.chatapp.user.profile.boundary;

import jakarta.validation.constraints.NotNull;

/** {@code {"name": ...}}; the length rule is {@code UserName}'s. */
public record RenameRequest(@NotNull(message = "name is required") String name) {}
