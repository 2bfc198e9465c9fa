package io.chatapp.chat.messages.control;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.messages.entity.Emoji;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Changes to stored messages (edit, delete, react): each is one journaled {@code findOneAndUpdate}
 * by {@code _id}, the only filter the embedded server answers from an index, so each costs the same
 * whatever the size of the history. The checks (who may, until when) are made before, on the
 * message as read; what a change raced with is settled on the document it returns.
 */
@ApplicationScoped
public class MessageChangeStore {

  @Inject MongoConnection mongo;

  public MessageChangeStore() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageChangeStore(MongoConnection mongo) {
    this.mongo = mongo;
  }

  /**
   * Sets the text and {@code editedAt}; returns the message as it is now. An edit that crossed a
   * delete finds the message deleted: its text is taken out again, and it stays deleted.
   */
  public Optional<Message> edit(MessageId id, String text, Instant at) {
    Optional<Message> edited =
        change(
            id,
            Updates.combine(
                Updates.set("text", text), Updates.set(MessageDocuments.EDITED_AT, Date.from(at))),
            ReturnDocument.AFTER);
    if (edited.isPresent() && edited.get().deleted()) {
      mongo.call(
          db -> messages().updateOne(Filters.eq("_id", id.value()), Updates.set("text", "")));
    }
    return edited;
  }

  /**
   * Deletes the message for everyone: it keeps its id, chat, place, sender and time and loses its
   * text, image, quote and reactions. Returns the message as it was before (its image, to remove
   * from the store; {@code deleted} when it was deleted already).
   */
  public Optional<Message> delete(MessageId id, Instant at) {
    return change(
        id,
        Updates.combine(
            Updates.set(MessageDocuments.DELETED, true),
            Updates.max(MessageDocuments.DELETED_AT, Date.from(at)),
            Updates.set("text", ""),
            Updates.set("image", null),
            Updates.unset(MessageDocuments.REPLY_TO),
            Updates.unset(MessageDocuments.EDITED_AT),
            Updates.unset(MessageDocuments.REACTIONS)),
        ReturnDocument.BEFORE);
  }

  /**
   * Sets the user's reaction ({@code emoji}) or takes it away (empty); returns the message as it is
   * now, with everyone's reactions.
   */
  public Optional<Message> react(MessageId id, UserId user, Optional<Emoji> emoji) {
    String field = MessageDocuments.reactionOf(user);
    return change(
        id,
        emoji.isPresent() ? Updates.set(field, emoji.get().value()) : Updates.unset(field),
        ReturnDocument.AFTER);
  }

  private Optional<Message> change(MessageId id, Bson update, ReturnDocument returned) {
    Document document =
        mongo.call(
            db ->
                messages()
                    .withWriteConcern(WriteConcern.JOURNALED)
                    .findOneAndUpdate(
                        Filters.eq("_id", id.value()),
                        update,
                        new FindOneAndUpdateOptions().returnDocument(returned)));
    return Optional.ofNullable(document).map(MessageDocuments::toMessage);
  }

  private MongoCollection<Document> messages() {
    return mongo.database().getCollection("messages");
  }
}
