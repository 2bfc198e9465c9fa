package io.chatapp.platform.errors;

/**
 * A server this service depends on (Redis, RabbitMQ, MongoDB, another service) cannot be reached
 * right now. Answered as 503: the request changed nothing and may be retried.
 */
public class DependencyUnavailableException extends RuntimeException {

  private final String dependency;

  public DependencyUnavailableException(String dependency, Throwable cause) {
    super(dependency + " is unavailable", cause);
    this.dependency = dependency;
  }

  public String dependency() {
    return dependency;
  }
}
