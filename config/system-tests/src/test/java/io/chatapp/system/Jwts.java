package io.chatapp.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Makes RS256 tokens by hand, to present the service with tokens it did not issue: expired ones
 * signed with the stack's own key, and ones signed with another key.
 */
public final class Jwts {

  private Jwts() {}

  public static String sign(JsonObject claims, PrivateKey key) throws GeneralSecurityException {
    String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String payload = encode(claims.toString());
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header
        + "."
        + payload
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  public static String unsigned(JsonObject claims) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString()) + ".";
  }

  public static JsonObject claims(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(payload))) {
      return reader.readObject();
    }
  }

  /** A token with its payload replaced and the original signature kept. */
  public static String withPayload(String token, JsonObject claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + encode(claims.toString()) + "." + parts[2];
  }

  /**
   * The stack's signing key: {@code JWT_PRIVATE_KEY} (PEM or path), else the key config/start
   * generated in the stack's data folder ({@link Stack#dataDir()}).
   */
  public static PrivateKey stackKey() throws IOException, GeneralSecurityException {
    String configured = System.getenv("JWT_PRIVATE_KEY");
    String pem;
    if (configured != null && configured.contains("-----BEGIN")) {
      pem = configured;
    } else {
      Path file =
          configured != null && !configured.isBlank()
              ? Path.of(configured.trim())
              : Stack.dataDir().resolve("keys/jwt-private.pem");
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    }
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
