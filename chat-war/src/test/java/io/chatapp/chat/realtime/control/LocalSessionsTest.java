package io.chatapp.chat.realtime.control;

import static io.chatapp.chat.realtime.control.TestSockets.BUDGET;
import static io.chatapp.chat.realtime.control.TestSockets.TOKEN;
import static io.chatapp.chat.realtime.control.TestSockets.recording;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.users.entity.UserId;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The sockets of one instance while one user's open and close at once, from many threads. */
class LocalSessionsTest {

  private static final int THREADS = 4;
  private static final int ROUNDS = 50_000;

  @Test
  void aSocketOpenedWhileTheUsersLastOneClosesStillGetsFrames() throws Exception {
    LocalSessions sessions = new LocalSessions();
    UserId user = new UserId(new ObjectId().toHexString());
    AtomicInteger unreachable = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String prefix = "thread-" + t + "-";
        running.add(
            threads.submit(
                () -> {
                  for (int round = 0; round < ROUNDS; round++) {
                    Session session = recording(prefix + round, List.of());
                    Peer peer = sessions.add(session, user, 16, Runnable::run, BUDGET, TOKEN);
                    if (!sessions.reaches(peer)) {
                      unreachable.incrementAndGet();
                    }
                    sessions.remove(session);
                  }
                }));
      }
      for (Future<?> thread : running) {
        thread.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(unreachable).as("sockets that got no frames while open").hasValue(0);
    assertThat(sessions.countsByUser()).isEmpty();
  }
}
