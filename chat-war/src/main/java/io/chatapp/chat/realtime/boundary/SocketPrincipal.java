package io.chatapp.chat.realtime.boundary;

import java.security.Principal;
import java.time.Instant;

/**
 * The user a WebSocket handshake proved to be, with the session, issue time and expiry of the token
 * it used. Set by {@link HandshakeGuard} as the upgrade request's principal, so that each socket
 * carries its own identity (a configurator's shared properties would mix concurrent handshakes).
 */
record SocketPrincipal(String userId, String session, Instant issuedAt, Instant tokenExpiry)
    implements Principal {

  @Override
  public String getName() {
    return userId;
  }
}
