package io.chatapp.platform.errors;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request refused for a reason its caller can act on: the kind of refusal and a sentence for
 * them. Controls and stores refuse in these terms, and each boundary says it in its own protocol:
 * the API as a status with {@code {"message": ...}} ({@code RefusalMapper}), a socket as an {@code
 * error} frame. No JAX-RS type is needed to refuse, so no control class depends on one.
 */
public class Refusal extends RuntimeException {

  /** Why the request was refused; each boundary maps it to its protocol. */
  public enum Kind {
    /** The input is malformed or breaks a rule (400). */
    BAD_INPUT,
    /** No valid credentials came with it (401). */
    NOT_AUTHENTICATED,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** What it names does not exist, or not for this caller (404). */
    NOT_FOUND,
    /** It clashes with the state of what it names (409). */
    CONFLICT,
    /** Its body is larger than allowed (413). */
    TOO_LARGE,
    /** Its body is of a type not taken here (415). */
    UNSUPPORTED_TYPE,
    /** The caller sends too much; it may try again after {@link #retryAfter} (429). */
    TOO_MANY,
    /** A service it relies on gave a bad answer (502). */
    UPSTREAM_FAILED,
    /** Something it needs is not available now (503). */
    UNAVAILABLE,
    /** The service is at capacity and took nothing; try again after {@link #retryAfter} (503). */
    BUSY
  }

  private final Kind kind;
  private final Duration retryAfter;

  private Refusal(Kind kind, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public static Refusal badRequest(String message) {
    return new Refusal(Kind.BAD_INPUT, message, null);
  }

  /**
   * Builds a value from what a caller sent; the {@link IllegalArgumentException} a value record
   * throws with its rule ("A chat id must be ...") becomes bad input with that sentence.
   */
  public static <T> T ifInvalid(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw badRequest(e.getMessage());
    }
  }

  public static Refusal unauthorized(String message) {
    return new Refusal(Kind.NOT_AUTHENTICATED, message, null);
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Kind.FORBIDDEN, message, null);
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message, null);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message, null);
  }

  public static Refusal tooLarge(String message) {
    return new Refusal(Kind.TOO_LARGE, message, null);
  }

  public static Refusal unsupportedType(String message) {
    return new Refusal(Kind.UNSUPPORTED_TYPE, message, null);
  }

  /** A service this one relies on gave a bad answer. */
  public static Refusal upstreamFailed(String message) {
    return new Refusal(Kind.UPSTREAM_FAILED, message, null);
  }

  public static Refusal unavailable(String message) {
    return new Refusal(Kind.UNAVAILABLE, message, null);
  }

  /** Too many requests from this caller: try again after {@code retryAfter}. */
  public static Refusal tooManyRequests(String message, Duration retryAfter) {
    return new Refusal(Kind.TOO_MANY, message, retryAfter);
  }

  /** The service is at capacity and took nothing: try again after {@code retryAfter}. */
  public static Refusal busy(String message, Duration retryAfter) {
    return new Refusal(Kind.BUSY, message, retryAfter);
  }

  public Kind kind() {
    return kind;
  }

  /** When the caller may try again, for {@link Kind#TOO_MANY} and {@link Kind#BUSY}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * No stack trace: a refusal is an answer, not a fault, and under overload the service gives
   * thousands a second (each a walk of Payara's deep request stack otherwise).
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
