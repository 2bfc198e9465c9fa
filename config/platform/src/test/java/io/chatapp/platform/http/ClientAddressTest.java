package io.chatapp.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final ClientAddress behindProxy = new ClientAddress("127.0.0.1, ::1,10.0.0.5");

  @Test
  void withoutATrustedProxyThePeerIsTheClientWhateverItForwards() {
    ClientAddress direct = new ClientAddress(" ");
    assertThat(direct.of("203.0.113.9", headers("198.51.100.1"))).isEqualTo("203.0.113.9");
    assertThat(behindProxy.of("203.0.113.9", headers("198.51.100.1")))
        .as("a header from an untrusted peer is ignored")
        .isEqualTo("203.0.113.9");
  }

  @Test
  void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
    assertThat(behindProxy.of("127.0.0.1", headers("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(behindProxy.of("0:0:0:0:0:0:0:1", headers("198.51.100.1")))
        .isEqualTo("198.51.100.1");
    assertThat(behindProxy.of("127.0.0.1", headers("6.6.6.6, 198.51.100.1, 10.0.0.5")))
        .as("what the client itself wrote in front is not believed")
        .isEqualTo("198.51.100.1");
    assertThat(behindProxy.of("127.0.0.1", headers("6.6.6.6", "198.51.100.1")))
        .as("several headers read as one list")
        .isEqualTo("198.51.100.1");
    assertThat(behindProxy.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
    assertThat(behindProxy.of("127.0.0.1", headers("10.0.0.5"))).isEqualTo("10.0.0.5");
  }

  private static java.util.Enumeration<String> headers(String... values) {
    return Collections.enumeration(List.of(values));
  }
}
