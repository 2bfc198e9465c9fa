package io.chatapp.user;

import io.chatapp.user.profile.entity.UserView;

/** What happened and to whom: {@code {"message": ..., "user": {...}}}. */
public record UserReply(String message, UserView user) {}
