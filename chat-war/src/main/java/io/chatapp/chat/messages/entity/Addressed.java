package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;

/** A message and who it is for: what travels through the pipeline's steps. */
public record Addressed(Message message, UserId recipient) {}
