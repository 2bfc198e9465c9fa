package io.chatapp.user.profile.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code {"ids": [...]}}: up to {@link UserDirectoryResource#MAX_BATCH} user ids to look up at
 * once. (The count is checked in the resource: Payara's OpenAPI scanner fails on {@code @Size}
 * here.)
 */
public record BatchRequest(@NotNull(message = "ids is required") List<String> ids) {}
