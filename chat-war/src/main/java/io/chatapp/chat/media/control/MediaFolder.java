package io.chatapp.chat.media.control;

import io.chatapp.chat.media.entity.MediaRecord;
import io.chatapp.chat.media.entity.PublicId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local image store's files under {@code media.dir}: {@code <id>.<ext>} full size and {@code
 * <id>.display.<ext>}, the smaller version, when one was made (both re-encoded, in the stored
 * format). Written to a temporary file first and moved into place, so a reader never sees half a
 * file.
 */
@ApplicationScoped
public class MediaFolder {

  @Inject
  @ConfigProperty(name = "media.dir", defaultValue = ".data/media")
  String dir;

  public MediaFolder() {}

  /** For use outside the container (tests). */
  public MediaFolder(Path dir) {
    this.dir = dir.toString();
  }

  public Path root() {
    return Path.of(dir);
  }

  public Path original(MediaRecord record) {
    return root().resolve(record.id().value() + "." + record.format().extension());
  }

  /** The version to show: the smaller one when there is one, else the original. */
  public Path display(MediaRecord record) {
    return record.resized()
        ? root().resolve(record.id().value() + ".display." + record.format().extension())
        : original(record);
  }

  public void write(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(root());
    Path temporary = Files.createTempFile(root(), ".upload-", ".tmp");
    try {
      Files.write(temporary, bytes);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Removes every file of the image. */
  public void delete(PublicId id) throws IOException {
    if (!Files.isDirectory(root())) {
      return;
    }
    try (var files = Files.newDirectoryStream(root(), id.value() + ".*")) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Readiness: the folder exists (or can be made) and is writable. */
  public boolean writable() {
    try {
      Files.createDirectories(root());
      return Files.isWritable(root());
    } catch (IOException e) {
      return false;
    }
  }
}
