package io.chatapp.user.token.entity;

import io.chatapp.user.profile.entity.User;

/** A logged-in user with a fresh access token and refresh token. */
public record Session(User user, SignedToken accessToken, SignedToken refreshToken) {}
