package io.chatapp.frontend.backend.control;

import java.util.regex.Pattern;

/**
 * Where the browser keeps the refresh token of the UI: under {@code /session} only, the two
 * endpoints that use it ({@code /session/refresh}, {@code /session/logout}), so no page, Ajax call
 * or upload carries it. The user service scopes the cookie to its own refresh and logout paths; the
 * UI passes its {@code Set-Cookie} on to the browser with the path changed to its own, keeping
 * every other attribute (HttpOnly, SameSite, Secure, Max-Age) as the user service set it.
 */
public final class RefreshCookie {

  /** The UI's session endpoints, relative to its context path. */
  public static final String PATH = "/session";

  private static final Pattern PATH_ATTRIBUTE = Pattern.compile("(?i);\\s*Path=[^;]*");

  private RefreshCookie() {}

  /** The same {@code Set-Cookie} value with its path replaced by {@code path}. */
  static String withPath(String setCookie, String path) {
    String without = PATH_ATTRIBUTE.matcher(setCookie).replaceAll("");
    int end = without.indexOf(';');
    String nameValue = end < 0 ? without : without.substring(0, end);
    String attributes = end < 0 ? "" : without.substring(end);
    return nameValue + "; Path=" + path + attributes;
  }

  /** A {@code Set-Cookie} value that removes the named cookie kept under {@code path}. */
  static String expired(String name, String path) {
    return name
        + "=; Path="
        + path
        + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
  }
}
