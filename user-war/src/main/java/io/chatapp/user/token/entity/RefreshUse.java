package io.chatapp.user.token.entity;

/**
 * The outcome of presenting a refresh token to be traded for a new pair. Two requests of the same
 * browser may carry the same cookie at once (tabs restored together, every tab waking from sleep, a
 * page of another site opening the renewal twice): the one that came second is told so, and only a
 * token presented again later counts as stolen.
 */
public enum RefreshUse {
  /** It was live and is used up now: this request gets the new pair. */
  ROTATED,
  /**
   * Another request traded it a moment ago (within the grace): its answer carries the new cookies,
   * so this one is refused, and nothing is revoked.
   */
  JUST_REPLACED,
  /**
   * It was used longer ago, revoked, expired or never ours: a copy is in other hands, so every
   * refresh token of the user has just been revoked.
   */
  REUSED
}
