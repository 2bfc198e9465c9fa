package io.chatapp.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Makes the developer's RS256 key pair once, into the git-ignored data folder. Production sets
 * {@code JWT_PRIVATE_KEY} and {@code JWT_PUBLIC_KEY} instead.
 */
final class DevKeys {

  static final String PRIVATE = "jwt-private.pem";
  static final String PUBLIC = "jwt-public.pem";

  private DevKeys() {}

  /** Writes the pair unless both files exist; returns true when it made a new pair. */
  static boolean ensure(Path directory) throws IOException, NoSuchAlgorithmException {
    Path privateFile = directory.resolve(PRIVATE);
    Path publicFile = directory.resolve(PUBLIC);
    if (Files.exists(privateFile) && Files.exists(publicFile)) {
      return false;
    }
    Files.createDirectories(directory);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.writeString(
        privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more to restrict
    }
    Files.writeString(
        publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    return true;
  }

  static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}
