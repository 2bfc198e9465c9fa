package io.chatapp.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Where the recipients' sockets hand their frames: a {@code message:new} frame carrying one of this
 * run's ids is timed into its round's ledger, for the recipient's slot ({@link #at}; a 1:1
 * recipient's is 0). Found by substring search, never parsed as JSON: the benchmark shares its two
 * cores with the stack.
 */
final class Inbox implements Consumer<String> {

  private static final String MESSAGE_NEW = "\"event\":\"message:new\"";

  private final MessageTag tag;
  private final AtomicReferenceArray<Ledger> rounds;

  Inbox(MessageTag tag, int rounds) {
    this.tag = tag;
    this.rounds = new AtomicReferenceArray<>(rounds);
  }

  /** From now on, ids of that round are timed into the ledger. */
  void open(int round, Ledger ledger) {
    rounds.set(round, ledger);
  }

  /** The frames of the socket of the member in {@code slot} of its chat. */
  Consumer<String> at(int slot) {
    return frame -> accept(frame, slot);
  }

  @Override
  public void accept(String frame) {
    accept(frame, 0);
  }

  private void accept(String frame, int slot) {
    long now = System.nanoTime();
    if (!frame.contains(MESSAGE_NEW)) {
      return;
    }
    long id = tag.find(frame);
    if (id == MessageTag.NONE) {
      return;
    }
    int round = MessageTag.round(id);
    Ledger ledger = round < rounds.length() ? rounds.get(round) : null;
    if (ledger != null) {
      ledger.delivered(MessageTag.seq(id), slot, now);
    }
  }
}
