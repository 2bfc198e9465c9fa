package io.chatapp.chat.realtime.entity;

import java.util.List;

/** Group members' sockets on this instance received these new messages. */
public record DeliveredToMembers(List<GroupDelivery> deliveries) {

  public DeliveredToMembers {
    deliveries = List.copyOf(deliveries);
  }
}
