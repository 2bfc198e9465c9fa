package io.chatapp.user.profile.boundary;

/** The optional body of {@code POST /user/all}: {@code {"q", "page", "limit"}}, all optional. */
public record UserQuery(String q, Integer page, Integer limit) {

  static final UserQuery NONE = new UserQuery(null, null, null);
}
