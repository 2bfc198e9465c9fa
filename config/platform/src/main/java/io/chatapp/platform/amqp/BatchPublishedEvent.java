package io.chatapp.platform.amqp;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event per batch {@link BatchingPublisher} sent: how many documents, how long the oldest had
 * queued behind batches in flight, and (as the event's duration) the wait for the broker's confirm.
 * Costs nothing unless a recording is on; read it with {@code jfr print --events
 * io.chatapp.BatchPublished}.
 */
@Name("io.chatapp.BatchPublished")
@Label("Batch published")
@Category({"Chat", "Broker"})
@Description("A publisher's batch: its size, its oldest document's queueing, and its confirm wait")
@StackTrace(false)
final class BatchPublishedEvent extends Event {

  @Label("Exchange")
  String exchange;

  @Label("Documents")
  int documents;

  @Label("Oldest queued")
  @Timespan(Timespan.NANOSECONDS)
  long oldestQueued;

  @Label("Failed")
  boolean failed;
}
