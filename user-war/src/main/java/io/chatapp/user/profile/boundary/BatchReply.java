package io.chatapp.user.profile.boundary;

import io.chatapp.user.profile.entity.UserView;
import java.util.List;

/** {@code {"users": [...]}}: the users of a batch look-up that exist. */
public record BatchReply(List<UserView> users) {}
