package io.chatapp.chat.media.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.media.entity.ImageFormat;
import io.chatapp.chat.media.entity.MediaRecord;
import io.chatapp.chat.media.entity.PublicId;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The local image store's index in MongoDB ({@code media}, by {@code _id} = the public id only), so
 * checking who may fetch an image is one lookup by key.
 */
@ApplicationScoped
public class MediaRecords {

  @Inject MongoConnection mongo;

  public MediaRecords() {}

  /** For use outside the container (tests). */
  public MediaRecords(MongoConnection mongo) {
    this.mongo = mongo;
  }

  public void insert(MediaRecord record, long bytes, int width, int height) {
    Document document =
        new Document("_id", record.id().value())
            .append("chatId", record.chatId().value())
            .append("format", record.format().extension())
            .append("resized", record.resized())
            .append("bytes", bytes)
            .append("width", width)
            .append("height", height)
            .append("createdAt", Date.from(record.createdAt()));
    mongo.call(db -> media().insertOne(document));
  }

  public Optional<MediaRecord> find(PublicId id) {
    Document document = mongo.call(db -> media().find(Filters.eq("_id", id.value())).first());
    if (document == null) {
      return Optional.empty();
    }
    return Optional.of(
        new MediaRecord(
            id,
            new ChatId(document.getString("chatId")),
            ImageFormat.ofExtension(document.getString("format")).orElseThrow(),
            document.getBoolean("resized", false),
            document.getDate("createdAt") == null
                ? null
                : document.getDate("createdAt").toInstant()));
  }

  public void delete(PublicId id) {
    mongo.call(db -> media().deleteOne(Filters.eq("_id", id.value())));
  }

  private MongoCollection<Document> media() {
    return mongo.database().getCollection("media");
  }
}
