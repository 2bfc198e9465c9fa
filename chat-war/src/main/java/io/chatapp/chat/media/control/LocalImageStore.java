package io.chatapp.chat.media.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.media.entity.MediaRecord;
import io.chatapp.chat.media.entity.PublicId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.platform.errors.DependencyUnavailableException;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The default image store: files in the data folder ({@link MediaFolder}) and an index in MongoDB
 * ({@link MediaRecords}), served by chat-war itself at {@code /api/v1/media/{id}} to the chat's
 * members only. Files rather than GridFS: the scripts already give every instance the same data
 * folder, a file is served without going through the database, and the embedded MongoDB server
 * keeps its data in one H2 file that megabytes of images would bloat.
 */
public class LocalImageStore implements ImageStore {

  private static final Logger LOG = Logger.getLogger(LocalImageStore.class.getName());

  private final MediaFolder folder;
  private final MediaRecords records;
  private final String publicUrl;

  public LocalImageStore(MediaFolder folder, MediaRecords records, String publicUrl) {
    this.folder = folder;
    this.records = records;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Override
  public MessageImage store(ChatId chat, ImageFile image) {
    PublicId id = PublicId.fresh();
    Optional<byte[]> display;
    try {
      display = ImageResizer.displayVersion(image);
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "No display version of image {0}, shown full size: {1}",
          new Object[] {id, e});
      display = Optional.empty();
    }
    MediaRecord record =
        new MediaRecord(id, chat, image.format(), display.isPresent(), IsoTime.now());
    try {
      folder.write(folder.original(record), image.bytes());
      if (display.isPresent()) {
        folder.write(folder.display(record), display.get());
      }
    } catch (IOException e) {
      delete(id.value());
      throw new DependencyUnavailableException("The media store", e);
    }
    try {
      records.insert(record, image.bytes().length, image.width(), image.height());
    } catch (RuntimeException e) {
      delete(id.value());
      throw e;
    }
    return new MessageImage(url(id), id.value());
  }

  @Override
  public void delete(String publicId) {
    try {
      PublicId id = new PublicId(publicId);
      folder.delete(id);
      records.delete(id);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Image {0} not removed: {1}", new Object[] {publicId, e});
    }
  }

  /** The absolute URL of the image for clients. */
  public String url(PublicId id) {
    return publicUrl + "/api/v1/media/" + id.value();
  }
}
