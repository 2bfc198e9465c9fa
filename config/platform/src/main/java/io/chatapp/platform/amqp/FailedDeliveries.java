package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retry policy of {@link WorkQueue} for a delivery whose handler threw: the delivery goes to
 * the retry queue of its attempt, or is parked in the dead-letter queue. It is republished
 * persistent and confirmed, its attempt in a header, before the original is acked.
 */
final class FailedDeliveries {

  private static final Logger LOG = Logger.getLogger(FailedDeliveries.class.getName());

  private final BrokerPublisher publisher;

  FailedDeliveries(BrokerPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * A delivery whose handling failed: parked in the dead-letter queue when it cannot be used or
   * failed its last attempt, else published to the retry queue of its attempt.
   */
  void retryOrPark(
      WorkQueue queue, AMQP.BasicProperties properties, byte[] body, Exception failure) {
    int attempt = WorkQueue.attempt(properties);
    if (failure instanceof PoisonMessageException) {
      LOG.warning(
          () -> "Parking an unusable message from " + queue.name() + ": " + failure.getMessage());
      republish(queue.deadLetterQueue(), properties, attempt, body);
    } else if (attempt >= queue.maxAttempts()) {
      LOG.log(
          Level.WARNING,
          "Giving up on message {0} from {1} after {2} attempts: {3}",
          new Object[] {properties.getMessageId(), queue.name(), attempt, failure.toString()});
      republish(queue.deadLetterQueue(), properties, attempt, body);
    } else {
      LOG.log(
          Level.INFO,
          "Message {0} from {1} failed (attempt {2}), retrying later: {3}",
          new Object[] {properties.getMessageId(), queue.name(), attempt, failure.toString()});
      republish(queue.retryQueue(attempt), properties, attempt + 1, body);
    }
  }

  private void republish(String queue, AMQP.BasicProperties properties, int attempt, byte[] body) {
    Map<String, Object> headers =
        properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
    headers.put(WorkQueue.ATTEMPT_HEADER, attempt);
    publisher.await(
        publisher.publishAsync(
            "", queue, properties.builder().headers(headers).deliveryMode(2).build(), body));
  }
}
