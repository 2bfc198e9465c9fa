package io.chatapp.frontend.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  @Test
  void scriptsOnlyFromTheUiAndTheSocketAndImagesOfChatWar() {
    String policy = new ContentSecurityPolicy("https://chat.example.com/").getPolicy();

    assertThat(policy)
        .contains("default-src 'self'")
        .contains("connect-src 'self' wss://chat.example.com https://chat.example.com")
        .contains("img-src 'self' data: blob: https://chat.example.com https://res.cloudinary.com")
        .contains("object-src 'none'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval")
        .endsWith("; script-src 'self'"); // PrimeFaces appends the page's nonce here
    assertThat(policy.split("script-src")).hasSize(2);
  }

  @Test
  void theOriginKeepsAPortAndDropsThePath() {
    assertThat(ContentSecurityPolicy.origin("http://localhost:3002/api"))
        .isEqualTo("http://localhost:3002");
    assertThat(ContentSecurityPolicy.origin("https://chat.example.com"))
        .isEqualTo("https://chat.example.com");
    assertThatThrownBy(() -> ContentSecurityPolicy.origin("chat.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
