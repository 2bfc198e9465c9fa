package io.chatapp.user;

/** A reply that only says what happened: {@code {"message": ...}}. */
public record MessageReply(String message) {}
