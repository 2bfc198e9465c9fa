package io.chatapp.chat.realtime.control;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

/** Sockets as the container hands them over, for tests of what reaches them. */
final class TestSockets {

  static final Peer.FrameBudget BUDGET = new Peer.FrameBudget(20, 40);
  static final RealtimeHub.Credentials TOKEN =
      new RealtimeHub.Credentials("session", Instant.now(), Instant.MAX);

  private TestSockets() {}

  /** A socket with this id whose frames land in {@code got}, each sent at once. */
  static Session recording(String id, List<String> got) {
    RemoteEndpoint.Async remote =
        (RemoteEndpoint.Async)
            Proxy.newProxyInstance(
                RemoteEndpoint.Async.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendText") && args.length == 2) {
                    got.add((String) args[0]);
                    ((SendHandler) args[1]).onResult(new SendResult());
                  }
                  return null;
                });
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getId" -> id;
                  case "getAsyncRemote" -> remote;
                  case "hashCode" -> id.hashCode();
                  case "equals" -> proxy == args[0];
                  default -> null;
                });
  }
}
