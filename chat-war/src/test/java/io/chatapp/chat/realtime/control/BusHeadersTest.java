package io.chatapp.chat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.realtime.entity.GroupReceipt;
import io.chatapp.chat.realtime.entity.Receipt;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one instance writes in a header, another reads back the same. */
class BusHeadersTest {

  private final UserId ann = new UserId(ObjectIds.fresh());
  private final UserId bob = new UserId(ObjectIds.fresh());

  @Test
  void aFrameForUsersCarriesItsReceiptOrNone() {
    Receipt receipt = new Receipt(ObjectIds.fresh(), ObjectIds.fresh(), bob, ann, 1234L, true);
    JsonObject header = BusHeaders.to(List.of(bob, ann), receipt);
    assertThat(BusHeaders.to(header)).containsExactly(bob, ann);
    assertThat(BusHeaders.receipt(header)).contains(receipt);
    assertThat(BusHeaders.groupReceipt(header)).isEmpty();
    assertThat(BusHeaders.contactsToForget(header)).isEmpty();
    assertThat(BusHeaders.isMembershipOrder(header)).isFalse();

    JsonObject plain = BusHeaders.to(List.of(ann), null);
    assertThat(BusHeaders.to(plain)).containsExactly(ann);
    assertThat(BusHeaders.receipt(plain)).isEmpty();
  }

  @Test
  void aGroupMessageCarriesItsRecipientsAndNumber() {
    GroupReceipt receipt = new GroupReceipt(ObjectIds.fresh(), 42L, List.of(bob), 99L);
    JsonObject header = BusHeaders.toGroup(List.of(bob, ann), receipt);
    assertThat(BusHeaders.to(header)).containsExactly(bob, ann);
    assertThat(BusHeaders.groupReceipt(header)).contains(receipt);
    assertThat(BusHeaders.receipt(header)).isEmpty();
  }

  @Test
  void anOrderToForgetContactsNamesItsUsers() {
    JsonObject header = BusHeaders.forgetContacts(List.of(ann, bob));
    assertThat(BusHeaders.contactsToForget(header)).contains(List.of(ann, bob));
  }
}
