package io.chatapp.user.login.entity;

/** The outcome of checking a typed code against the one kept for an address. */
public enum CodeCheck {
  /** It matched, and the code is now used up. */
  ACCEPTED,
  /** It did not match; more tries are left. */
  WRONG,
  /** It did not match and that was the last try: the code is gone. */
  BURNT,
  /** There is no code for this address: never asked for, expired, used or burnt. */
  NONE
}
