package io.chatapp.user.login.entity;

/** The outcome of checking a typed code against the one kept for an address. */
public enum CodeCheck {
  /** It matched; the code stays until it is used ({@code OtpStore.use}). */
  MATCHED,
  /** It did not match; the code stays for its owner. */
  WRONG,
  /**
   * Not compared: too many wrong codes were tried for the address, so its 8-digit code was replaced
   * by a long one. The owner asks for a code again and gets the long one by mail.
   */
  REPLACED,
  /** There is no code for this address: never asked for, expired or used. */
  NONE
}
