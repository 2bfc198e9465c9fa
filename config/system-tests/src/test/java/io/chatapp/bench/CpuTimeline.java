package io.chatapp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The CPU of each process second by second over a round's sends, sampled on a thread of its own at
 * the round's start and every second after it: a slow second of the round can be lined up with the
 * process that was busy in it (the embedded server compacting, the broker, the generator).
 */
final class CpuTimeline implements AutoCloseable {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final CpuMeter meter;
  private final long start;
  private final List<CpuMeter.Sample> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private CpuTimeline(CpuMeter meter, long start) {
    this.meter = meter;
    this.start = start;
    sampler = new Thread(this::sample, "cpu-timeline");
    sampler.setDaemon(true);
  }

  /** Samples at {@code start} (a {@link System#nanoTime} reading) and each second after it. */
  static CpuTimeline from(CpuMeter meter, long start) {
    CpuTimeline timeline = new CpuTimeline(meter, start);
    timeline.sampler.start();
    return timeline;
  }

  private void sample() {
    for (long next = start; running; next += SECOND) {
      long wait;
      while (running && (wait = next - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (running) {
        CpuMeter.Sample sample = meter.sample();
        synchronized (samples) {
          samples.add(sample);
        }
      }
    }
  }

  /** Stops sampling; the seconds sampled so far stay. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    LockSupport.unpark(sampler);
    sampler.join();
  }

  /** % of one core of each process in each whole second sampled, second 0 first. */
  List<Map<String, Double>> perSecond() {
    synchronized (samples) {
      List<Map<String, Double>> seconds = new ArrayList<>();
      for (int i = 1; i < samples.size(); i++) {
        seconds.add(CpuMeter.percent(samples.get(i - 1), samples.get(i)));
      }
      return seconds;
    }
  }
}
