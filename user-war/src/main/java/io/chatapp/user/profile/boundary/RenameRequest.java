package io.chatapp.user.profile.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * {@code {"name": ...}}; the rules of a name are {@code UserName}'s. A name that is not a JSON
 * string is refused as the body is bound ({@code StrictJsonb}).
 */
public record RenameRequest(@NotNull(message = "name is required") String name) {}
