package io.chatapp.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a request body that JSON-B could not bind, in a sentence for the caller:
 * broken JSON, a field of the wrong type (named, as Yasson names it), or a body of another shape.
 * It never quotes the body.
 */
final class BindingFailure {

  /** How Yasson names the field it could not bind (its message, not an API). */
  private static final Pattern FIELD = Pattern.compile("property '([A-Za-z0-9_]{1,64})'");

  private BindingFailure() {}

  /** The sentence for a failure that is the body's fault; empty for any other. */
  static Optional<String> describe(Throwable failure) {
    boolean binding = false;
    String field = null;
    boolean notAString = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParsingException) {
        return Optional.of("The request body is not valid JSON");
      }
      if (cause instanceof JsonbException) {
        binding = true;
        String message = String.valueOf(cause.getMessage());
        Matcher named = FIELD.matcher(message);
        if (field == null && named.find()) {
          field = named.group(1);
        }
        notAString |= message.endsWith(StrictJsonb.NOT_A_STRING);
      }
    }
    if (!binding) {
      return Optional.empty();
    }
    if (field == null) {
      return Optional.of("The request body must be a JSON object of the expected shape");
    }
    return Optional.of(
        field + (notAString ? " has a value that is not a string" : " has the wrong JSON type"));
  }
}
