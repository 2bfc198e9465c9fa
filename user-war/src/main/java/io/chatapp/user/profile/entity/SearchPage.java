package io.chatapp.user.profile.entity;

import io.chatapp.user.InvalidValue;

/**
 * Which page of search results: {@code number} from 1, at most {@value #MAX_SIZE} users a page.
 * Pages end at {@value #MAX_NUMBER}: deeper ones nobody reads, and past them the skip would
 * overflow.
 */
public record SearchPage(int number, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 20;
  public static final int MAX_NUMBER = 10_000;

  public SearchPage {
    if (number < 1 || number > MAX_NUMBER) {
      throw new InvalidValue("page must be between 1 and " + MAX_NUMBER);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidValue("limit must be between 1 and " + MAX_SIZE);
    }
  }

  /** How many results come before this page. */
  public int skip() {
    return (number - 1) * size;
  }
}
