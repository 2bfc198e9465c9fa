package io.chatapp.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code JWT_PUBLIC_KEY} and {@code JWT_PRIVATE_KEY} as PEM text or as the path of a PEM file. */
class PemKeysTest {

  static final KeyPair KEYS = SignedTokens.generate();

  @Test
  void aKeyIsReadFromPemTextOrFromAFile(@TempDir Path folder) throws Exception {
    String publicPem = pem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    String privatePem = pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
    Path file = folder.resolve("jwt-public.pem");
    Files.writeString(file, publicPem, StandardCharsets.US_ASCII);

    assertThat(PemKeys.publicKey(publicPem)).isEqualTo(KEYS.getPublic());
    assertThat(PemKeys.publicKey(" " + file + "\n")).isEqualTo(KEYS.getPublic());
    assertThat(PemKeys.privateKey(privatePem)).isEqualTo(KEYS.getPrivate());
  }

  @Test
  void theWrongKindOfKeyIsRefusedWithAReason() {
    String privatePem = pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());

    assertThatThrownBy(() -> PemKeys.publicKey(privatePem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PUBLIC KEY");
    assertThatThrownBy(() -> PemKeys.publicKey("/no/such/key.pem"))
        .hasMessageContaining("/no/such/key.pem");
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
