package io.chatapp.platform.amqp;

import com.rabbitmq.client.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * One consumer of a queue and the channel it currently runs on (replaced when that dies). A
 * consumer of batches has a thread of its own that drains them ({@link BatchConsumer}).
 */
final class Subscription {
  final WorkQueue queue;
  final int prefetch;
  final MessageHandler handler;
  final PipelinedBatchHandler batches;
  final int depth;
  final ExecutorService drainer;
  volatile Channel channel;

  Subscription(
      WorkQueue queue,
      int prefetch,
      PipelinedBatchHandler batches,
      int depth,
      ThreadFactory threads) {
    this.queue = queue;
    this.prefetch = prefetch;
    this.batches = batches;
    this.depth = depth;
    // alone only after its batch failed, which may have handled part of it
    this.handler = (body, id) -> settled(batches.handle(List.of(body), true));
    this.drainer = Executors.newSingleThreadExecutor(threads);
  }

  Subscription(WorkQueue queue, int prefetch, MessageHandler handler) {
    this.queue = queue;
    this.prefetch = prefetch;
    this.handler = handler;
    this.batches = null;
    this.depth = 1;
    this.drainer = null;
  }

  /** Waits for a delivery handled alone to be settled; its failure as the handler's own. */
  private static void settled(CompletableFuture<Void> settling) throws Exception {
    try {
      settling.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
