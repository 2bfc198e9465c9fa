package io.chatapp.platform.rest;

/** The one error shape every service answers with: {@code {"message": "..."}}. */
public record ErrorBody(String message) {}
