package io.chatapp.chat.realtime.entity;

import java.util.List;

/** Recipients' sockets on this instance received these new 1:1 messages. */
public record DeliveredLocally(List<Receipt> receipts) {

  public DeliveredLocally {
    receipts = List.copyOf(receipts);
  }
}
