package io.chatapp.chat.realtime.control;

import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets open on this instance, by socket and by user (a user may have several). */
@ApplicationScoped
public class LocalSessions {

  private final Map<String, Peer> bySocket = new ConcurrentHashMap<>();
  private final Map<UserId, Set<Peer>> byUser = new ConcurrentHashMap<>();

  Peer add(
      Session session,
      UserId user,
      int maxQueued,
      java.util.concurrent.Executor threads,
      Peer.FrameBudget budget,
      RealtimeHub.Credentials credentials) {
    Peer peer = new Peer(session, user, maxQueued, threads, budget, credentials);
    bySocket.put(session.getId(), peer);
    // added inside compute: a concurrent remove of the user's last socket cannot drop the set
    // this socket was just put in (computeIfAbsent(...).add could, leaving it without frames)
    byUser.compute(
        user,
        (u, peers) -> {
          Set<Peer> current = peers == null ? ConcurrentHashMap.newKeySet() : peers;
          current.add(peer);
          return current;
        });
    return peer;
  }

  Optional<Peer> remove(Session session) {
    Peer peer = bySocket.remove(session.getId());
    if (peer != null) {
      byUser.computeIfPresent(
          peer.user(),
          (user, peers) -> {
            peers.remove(peer);
            return peers.isEmpty() ? null : peers;
          });
    }
    return Optional.ofNullable(peer);
  }

  Optional<Peer> get(Session session) {
    return Optional.ofNullable(bySocket.get(session.getId()));
  }

  /** Sends to every local socket of these users; returns the users reached here. */
  Set<UserId> sendTo(Collection<UserId> users, String text) {
    Set<UserId> reached = new java.util.HashSet<>();
    for (UserId user : users) {
      for (Peer peer : byUser.getOrDefault(user, Set.of())) {
        peer.send(text);
        reached.add(user);
      }
    }
    return reached;
  }

  Collection<Peer> all() {
    return List.copyOf(bySocket.values());
  }

  /** Whether frames for the peer's user reach the peer. */
  boolean reaches(Peer peer) {
    return byUser.getOrDefault(peer.user(), Set.of()).contains(peer);
  }

  /** How many sockets each user has open here. */
  Map<UserId, Integer> countsByUser() {
    Map<UserId, Integer> counts = new java.util.HashMap<>();
    byUser.forEach((user, peers) -> counts.put(user, peers.size()));
    return counts;
  }
}
