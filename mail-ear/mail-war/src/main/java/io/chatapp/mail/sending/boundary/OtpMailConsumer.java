package io.chatapp.mail.sending.boundary;

import io.chatapp.mail.sending.control.MailSender;
import io.chatapp.mail.sending.control.OtpMailHandler;
import io.chatapp.platform.amqp.BrokerConsumers;
import io.chatapp.platform.mail.OtpMailQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts consuming {@code send-otp} when the application is deployed. The broker connection runs
 * the handler on the server's managed executor with manual acknowledgements, retries failures
 * through the broker's delay queues and parks poison messages in {@code send-otp.dead}; it
 * reconnects and resumes by itself when RabbitMQ comes back.
 */
@ApplicationScoped
public class OtpMailConsumer {

  private static final Logger LOG = Logger.getLogger(OtpMailConsumer.class.getName());

  @Inject BrokerConsumers broker;

  @Inject OtpMailHandler handler;

  @Inject MailSender sender;

  @Inject
  @ConfigProperty(name = "mail.prefetch", defaultValue = "5")
  int prefetch;

  void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
    // Touching the sender checks mail.from now: a bad address fails the deployment, not each mail.
    LOG.info(() -> "Sending mail through " + sender.settings());
    broker.subscribe(OtpMailQueue.SEND_OTP, prefetch, handler);
    LOG.info(() -> "Consuming " + OtpMailQueue.SEND_OTP.name());
  }
}
