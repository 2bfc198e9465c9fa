package io.chatapp.chat.realtime.control;

import io.chatapp.chat.common.control.UserBudgets;
import io.chatapp.chat.users.entity.UserId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one user's sockets may have something announced to the other members of a chat, on this
 * instance: a join ({@code user:joined:room}) or the start of a typing indicator ({@code
 * typing:status}). A token bucket per user of {@code ws.announcements-per-second}, holding {@code
 * ws.announcement-burst}. The frame budget bounds what each socket sends, not what its frames fan
 * out to: {@code join:chat} then {@code leave:chat} (or {@code typing:start} then {@code
 * typing:stop}) again and again, 20 frames a second on each of a user's 20 sockets, announced to
 * every member of a 256-member group each time (about 50,000 frames a second). Past the budget the
 * socket still joins, unannounced, and an indicator does not start (so no end of it is announced
 * either); refreshing a running indicator costs nothing.
 */
@ApplicationScoped
public class Announcements {

  private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

  @Inject
  @ConfigProperty(name = "ws.announcements-per-second", defaultValue = "2")
  double perSecond;

  @Inject
  @ConfigProperty(name = "ws.announcement-burst", defaultValue = "10")
  int burst;

  private UserBudgets budgets;

  public Announcements() {}

  /** For use outside the container (tests). */
  public Announcements(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    init();
  }

  @PostConstruct
  void init() {
    budgets = new UserBudgets(perSecond, burst);
  }

  /** Whether an announcement of the user's may go out now (it is counted if so). */
  public boolean mayAnnounce(UserId user) {
    UserBudgets.Take take = budgets.take(user);
    if (take.firstRefusal()) {
      LOG.fine(() -> "Announcements of " + user + " past their budget are left out");
    }
    return take.taken();
  }
}
