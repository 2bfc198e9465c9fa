package io.chatapp.platform.amqp;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event per batch a consumer settled: how many deliveries, how long the oldest of them had
 * waited in the consumer before its batch began, and (as the event's duration) how long handling
 * and acking the batch took. Costs nothing unless a recording is on; read it with {@code jfr print
 * --events io.chatapp.BatchSettled} or {@code jfr summary}.
 */
@Name("io.chatapp.BatchSettled")
@Label("Batch settled")
@Category({"Chat", "Broker"})
@Description("A consumer's batch: its size, its oldest delivery's wait, and its handling time")
@StackTrace(false)
final class BatchSettledEvent extends Event {

  @Label("Queue")
  String queue;

  @Label("Deliveries")
  int deliveries;

  @Label("Oldest waited")
  @Timespan(Timespan.NANOSECONDS)
  long oldestWaited;
}
