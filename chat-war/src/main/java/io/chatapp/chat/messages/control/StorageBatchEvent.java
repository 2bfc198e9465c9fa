package io.chatapp.chat.messages.control;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event per batch {@link MessageSteps#store} stored: its size, its chats, and how long each
 * of its phases took (looking for copies stored before, asking who views the chats, counting on the
 * chats, the journaled insert). Costs nothing unless a recording is on; read it with {@code jfr
 * print --events io.chatapp.StorageBatch}.
 */
@Name("io.chatapp.StorageBatch")
@Label("Storage batch")
@Category({"Chat", "Messages"})
@Description("A batch of messages stored: size, chats, and the time of each phase")
@StackTrace(false)
final class StorageBatchEvent extends Event {

  @Label("Messages")
  int messages;

  @Label("Chats")
  int chats;

  @Label("Finding copies")
  @Timespan(Timespan.NANOSECONDS)
  long finding;

  @Label("Asking viewers")
  @Timespan(Timespan.NANOSECONDS)
  long viewers;

  @Label("Counting")
  @Timespan(Timespan.NANOSECONDS)
  long counting;

  @Label("Inserting")
  @Timespan(Timespan.NANOSECONDS)
  long inserting;
}
