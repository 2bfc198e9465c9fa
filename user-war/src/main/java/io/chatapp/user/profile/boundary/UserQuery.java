package io.chatapp.user.profile.boundary;

/**
 * The optional body of {@code POST /user/all}: {@code {"q", "page", "limit"}}; {@code q} is needed
 * here or as a query parameter (see {@code SearchText}), page and limit have defaults.
 */
public record UserQuery(String q, Integer page, Integer limit) {

  static final UserQuery NONE = new UserQuery(null, null, null);
}
