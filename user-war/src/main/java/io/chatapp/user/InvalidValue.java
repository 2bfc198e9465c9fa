package io.chatapp.user;

/**
 * A value from a request that breaks its rule (a malformed email, id or name). Thrown by the value
 * records' constructors, so the rule sits next to the value; {@link InvalidValueMapper} answers it
 * as 400 with this message.
 */
public class InvalidValue extends IllegalArgumentException {
  public InvalidValue(String message) {
    super(message);
  }
}
