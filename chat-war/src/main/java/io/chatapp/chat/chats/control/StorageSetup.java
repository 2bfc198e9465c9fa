package io.chatapp.chat.chats.control;

import io.chatapp.chat.messages.control.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the unique indexes every hot path relies on when the service starts. If MongoDB is down
 * then, the stores create them before their first use instead.
 */
@ApplicationScoped
public class StorageSetup {

  private static final Logger LOG = Logger.getLogger(StorageSetup.class.getName());

  @Inject ChatStore chats;
  @Inject MessageStore messages;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      chats.ensureIndexes();
      messages.ensureIndexes();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Indexes not created at startup, retried on first use: {0}", e);
    }
  }
}
