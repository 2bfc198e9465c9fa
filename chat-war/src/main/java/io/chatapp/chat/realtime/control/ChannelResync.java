package io.chatapp.chat.realtime.control;

import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an instance does when its real-time channel stands again after a loss. Frames that other
 * instances published meanwhile never reached its sockets: each is closed with 1012 (service
 * restart), so its client reconnects and catches up through the history, as after any drop. The
 * closes are spread over a few seconds, so that the reconnects do not all land at once. Orders
 * about groups' members may have been missed too: every group's members are read again.
 */
final class ChannelResync {

  private static final Logger LOG = Logger.getLogger(ChannelResync.class.getName());

  /** Sockets closed at once; then a pause of 0.1 s. */
  private static final int CLOSES_AT_ONCE = 500;

  private static final CloseReason MISSED_FRAMES =
      new CloseReason(
          CloseReason.CloseCodes.SERVICE_RESTART,
          "Missed real-time events: reconnect and catch up");

  private final LocalSessions sessions;
  private final MembershipOrders memberships;
  private final ThreadFactory threadFactory;
  private final AtomicBoolean subscribedBefore = new AtomicBoolean();

  ChannelResync(LocalSessions sessions, MembershipOrders memberships, ThreadFactory threadFactory) {
    this.sessions = sessions;
    this.memberships = memberships;
    this.threadFactory = threadFactory;
  }

  /** The channel (again) stands: nothing to do the first time. */
  void subscribed() {
    if (subscribedBefore.compareAndSet(false, true)) {
      return;
    }
    memberships.missedSome();
    List<Peer> peers = new ArrayList<>(sessions.all());
    LOG.log(
        Level.WARNING,
        "The Redis channel is back after a loss: closing {0} sockets so their clients catch up",
        peers.size());
    Thread closer = threadFactory.newThread(() -> closeAll(peers));
    closer.setName("chat-realtime-resync");
    closer.start();
  }

  private static void closeAll(List<Peer> peers) {
    for (int i = 0; i < peers.size(); i++) {
      peers.get(i).close(MISSED_FRAMES);
      if (i % CLOSES_AT_ONCE == CLOSES_AT_ONCE - 1) {
        pause(Duration.ofMillis(100));
      }
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
