package io.chatapp.chat.realtime.boundary;

import io.chatapp.chat.realtime.control.RealtimeHub;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ws://host:3002/ws}: the original Socket.IO events as JSON text frames {@code {"event",
 * "data"}}. Authentication happened at the handshake ({@link HandshakeGuard}); this class only
 * hands sockets and frames to {@link RealtimeHub}. Frames over 64 KiB close the socket with 1009.
 *
 * <p>It keeps no state of its own, so every socket shares one instance ({@link OneForAll}).
 */
@ServerEndpoint(value = "/ws", configurator = SocketEndpoint.OneForAll.class)
public class SocketEndpoint {

  private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());

  /**
   * The hub (its CDI proxy), looked up once: {@code CDI.current()} on every frame was most of the
   * cost of a pong at 10,000 idle sockets (JFR).
   */
  private static volatile RealtimeHub hub;

  @OnOpen
  public void open(Session session) throws IOException {
    if (!(session.getUserPrincipal() instanceof SocketPrincipal principal)) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Not authenticated"));
      return;
    }
    session.setMaxIdleTimeout(0);
    hub()
        .opened(
            session,
            new UserId(principal.userId()),
            new RealtimeHub.Credentials(
                principal.session(), principal.issuedAt(), principal.tokenExpiry()));
  }

  @OnMessage(maxMessageSize = 65536)
  public void text(Session session, String text) {
    hub().received(session, text);
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    hub().ponged(session);
  }

  @OnClose
  public void close(Session session) {
    hub().closed(session);
  }

  @OnError
  public void error(Session session, Throwable error) {
    LOG.log(Level.FINE, "Socket error", error);
  }

  /**
   * Hands Tyrus the one endpoint for every socket. Its default asks CDI for a new instance per
   * socket, and Weld then builds an injection target and a creational context for each by
   * reflection, kept as long as the socket (a class histogram at 10,000 sockets: two of each per
   * socket), on the HTTP thread of every handshake.
   */
  public static final class OneForAll extends ServerEndpointConfig.Configurator {

    private static final SocketEndpoint ENDPOINT = new SocketEndpoint();

    @Override
    public <T> T getEndpointInstance(Class<T> type) throws InstantiationException {
      if (!type.isInstance(ENDPOINT)) {
        throw new InstantiationException("Only " + SocketEndpoint.class + " is served here");
      }
      return type.cast(ENDPOINT);
    }
  }

  private static RealtimeHub hub() {
    RealtimeHub known = hub;
    if (known == null) {
      known = CDI.current().select(RealtimeHub.class).get();
      hub = known;
    }
    return known;
  }
}
