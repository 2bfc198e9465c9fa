package io.chatapp.chat.messages.control;

import io.chatapp.chat.common.control.UserBudgets;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How fast one user may send: {@code messages.per-user-per-second} on average, in bursts of up to
 * {@code messages.per-user-burst}, on each instance. Past that a send is a 429 with {@code
 * Retry-After}, logged once per user until they slow down. The buckets of users who stopped sending
 * are forgotten once full again, so memory follows the users sending now.
 */
@ApplicationScoped
public class SendRate {

  private static final Logger LOG = Logger.getLogger(SendRate.class.getName());

  @Inject
  @ConfigProperty(name = "messages.per-user-per-second", defaultValue = "20")
  double perSecond;

  @Inject
  @ConfigProperty(name = "messages.per-user-burst", defaultValue = "40")
  int burst;

  private UserBudgets budgets;

  public SendRate() {}

  /** For use outside the container (tests, benchmarks). */
  public SendRate(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    init();
  }

  @PostConstruct
  void init() {
    budgets = new UserBudgets(perSecond, burst);
  }

  /** Counts one send of the user's, or refuses it with 429 when they send too fast. */
  public void take(UserId user) {
    UserBudgets.Take take = budgets.take(user);
    if (take.taken()) {
      return;
    }
    if (take.firstRefusal()) {
      LOG.info(
          () -> "User " + user + " sends faster than " + perSecond + " messages a second: refused");
    }
    throw Refusal.tooManyRequests(
        "You are sending messages too fast; try again shortly",
        Duration.ofSeconds(Math.max(1, (long) Math.ceil(take.nanosUntilToken() / 1e9))));
  }
}
