package io.chatapp.chat.media.control;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.media.entity.MediaRecord;
import io.chatapp.chat.media.entity.PublicId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;

/** Images of the local store for the members of the chat they were sent in, and no one else. */
@ApplicationScoped
public class MediaService {

  @Inject MediaRecords records;
  @Inject MediaFolder folder;
  @Inject ChatService chats;

  public MediaService() {}

  /** For use outside the container (tests). */
  public MediaService(MediaRecords records, MediaFolder folder, ChatService chats) {
    this.records = records;
    this.folder = folder;
    this.chats = chats;
  }

  /** A file to send and its content type. */
  public record MediaFile(Path path, String contentType, String etag) {}

  /**
   * The image ({@code original} or the display version): 404 unknown, 403 not a member (someone who
   * left a group still sees the images posted before they left).
   */
  public MediaFile open(UserId caller, String publicId, boolean original) {
    PublicId id;
    try {
      id = new PublicId(publicId);
    } catch (IllegalArgumentException e) {
      throw Refusal.notFound("No image with that id");
    }
    MediaRecord record =
        records.find(id).orElseThrow(() -> Refusal.notFound("No image with that id"));
    chats.requireReaderAt(caller, record.chatId(), record.createdAt());
    Path path = original ? folder.original(record) : folder.display(record);
    if (!Files.isRegularFile(path)) {
      throw Refusal.notFound("No image with that id");
    }
    return new MediaFile(
        path, record.format().contentType(), id.value() + (original ? "-original" : "-display"));
  }
}
