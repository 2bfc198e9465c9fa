package io.chatapp.platform.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA keys given either as PEM text or as the path of a PEM file, the two forms {@code
 * JWT_PUBLIC_KEY} and {@code JWT_PRIVATE_KEY} accept.
 */
public final class PemKeys {

  private PemKeys() {}

  public static RSAPublicKey publicKey(String pemOrPath) {
    byte[] der = der(pemOrPath, "PUBLIC KEY");
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an RSA public key (X.509 PEM expected)", e);
    }
  }

  public static RSAPrivateKey privateKey(String pemOrPath) {
    byte[] der = der(pemOrPath, "PRIVATE KEY");
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an RSA private key (PKCS#8 PEM expected)", e);
    }
  }

  static byte[] der(String pemOrPath, String label) {
    String pem = pemOrPath.contains("-----BEGIN") ? pemOrPath : read(Path.of(pemOrPath.trim()));
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("Expected a PEM block " + begin);
    }
    String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read key file " + file, e);
    }
  }
}
