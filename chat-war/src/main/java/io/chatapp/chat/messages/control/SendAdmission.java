package io.chatapp.chat.messages.control;

import io.chatapp.platform.errors.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission control for sends: past capacity the service refuses at once (503 with {@code
 * Retry-After}) what it cannot take, instead of answering 201 for a message delivered a minute
 * later. Three bounds: how late the messages being delivered now are ({@code
 * pipeline.max-delay-ms}: the pipeline is behind, whatever its capacity on this machine), messages
 * waiting for a pipeline step on all instances ({@code pipeline.max-backlog}, asked of the broker
 * every 200 ms: the pipeline is stuck), and sends waiting for the broker at once on this instance
 * ({@code pipeline.max-in-flight}). The first two are what keep the consumers from being starved by
 * the request threads: measured before they existed, delivery fell from 164 to 24 msg/s past
 * saturation while every POST still answered 201.
 */
@ApplicationScoped
public class SendAdmission {

  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  @Inject MessagePipeline pipeline;

  @Inject
  @ConfigProperty(name = "pipeline.max-in-flight", defaultValue = "256")
  int maxInFlight;

  @Inject
  @ConfigProperty(name = "pipeline.max-backlog", defaultValue = "2000")
  long maxBacklog;

  @Inject
  @ConfigProperty(name = "pipeline.max-delay-ms", defaultValue = "2000")
  long maxDelayMillis;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  private Semaphore inFlight;
  private volatile boolean backedUp;

  /** The latest delay from send to delivery seen since the last check, in milliseconds. */
  private final AtomicLong recentDelay = new AtomicLong();

  private ScheduledFuture<?> poll;

  public SendAdmission() {}

  /** For use outside the container (tests, benchmarks); call {@link #start()}. */
  public SendAdmission(
      MessagePipeline pipeline,
      int maxInFlight,
      long maxBacklog,
      Duration maxDelay,
      ScheduledExecutorService scheduler) {
    this.pipeline = pipeline;
    this.maxInFlight = maxInFlight;
    this.maxBacklog = maxBacklog;
    this.maxDelayMillis = maxDelay.toMillis();
    this.scheduler = scheduler;
  }

  @PostConstruct
  public void start() {
    inFlight = new Semaphore(maxInFlight);
    poll = scheduler.scheduleWithFixedDelay(this::checkBacklog, 0, 200, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (poll != null) {
      poll.cancel(false);
    }
  }

  /** A place for one send, to close once the pipeline took it; 503 when there is none. */
  public Permit admit() {
    if (backedUp) {
      throw Refusal.busy(
          "Too many messages are waiting to be delivered; try again shortly", RETRY_AFTER);
    }
    if (!inFlight.tryAcquire()) {
      throw Refusal.busy("Too many messages are being sent; try again shortly", RETRY_AFTER);
    }
    return inFlight::release;
  }

  /** Held while a send is handed to the pipeline. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * A message sent at {@code sentAt} is being delivered now. One later than the bound refuses sends
   * at once: the periodic check, which lets them in again once deliveries are on time, comes up to
   * a second apart when both cores are saturated, and every send it let in meanwhile would wait
   * behind the backlog.
   */
  public void delivering(Instant sentAt) {
    long delay = Duration.between(sentAt, Instant.now()).toMillis();
    recentDelay.accumulateAndGet(delay, Math::max);
    if (delay > maxDelayMillis) {
      backedUp = true;
    }
  }

  private void checkBacklog() {
    long delay = recentDelay.getAndSet(0); // nothing delivered since the last check: not behind
    OptionalLong backlog = pipeline.backlog();
    backedUp = delay > maxDelayMillis || (backlog.isPresent() && backlog.getAsLong() > maxBacklog);
  }
}
