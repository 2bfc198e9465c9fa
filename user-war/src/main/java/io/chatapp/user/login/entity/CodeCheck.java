package io.chatapp.user.login.entity;

/** The outcome of checking a typed code against the one kept for an address. */
public enum CodeCheck {
  /** It matched; the code stays until it is used ({@code OtpStore.use}). */
  MATCHED,
  /** It did not match; the code stays for its owner. */
  WRONG,
  /**
   * Not compared: clients that did not ask for this code used up their tries at it. The client can
   * ask for the code itself (it is mailed again), then try.
   */
  STRANGERS_LIMITED,
  /** There is no code for this address: never asked for, expired or used. */
  NONE
}
