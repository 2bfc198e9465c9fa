package io.chatapp.platform.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  /** The authenticated caller; only call from an {@link Authenticated} resource. */
  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("No authenticated caller in this request");
    }
    return caller;
  }
}
