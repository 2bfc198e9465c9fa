package io.chatapp.platform.amqp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link BatchHandler} whose batch is done in two parts: the work it returns from, and what it
 * waits for after that (say the broker's confirm of what it published). The consumer acks the batch
 * once the returned future completes, and meanwhile starts on the next one. Batches are acked in
 * order; a future that fails closes the consumer's channel, so every delivery not acked yet goes
 * back to the queue. Throwing makes the consumer try each delivery alone, as {@link BatchHandler}
 * says.
 *
 * <p>{@code maybeHandledBefore} is false only when every delivery of the batch is handed over for
 * the first time: none was redelivered by the broker, came back from a retry queue, or is in a
 * batch tried again. A handler can then skip looking for what an earlier attempt left behind.
 */
@FunctionalInterface
public interface PipelinedBatchHandler {
  CompletableFuture<Void> handle(List<byte[]> bodies, boolean maybeHandledBefore) throws Exception;
}
