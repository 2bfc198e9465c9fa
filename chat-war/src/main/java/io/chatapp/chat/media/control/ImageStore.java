package io.chatapp.chat.media.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.entity.MessageImage;

/**
 * Where image messages' images are kept: {@link CloudinaryImageStore} when Cloudinary is
 * configured, {@link LocalImageStore} otherwise ({@link ImageStores} chooses). Two implementations,
 * hence the interface.
 */
public interface ImageStore {

  /**
   * Stores the image of a message in {@code chat}; its URL and id for the message. Nothing stored
   * when it fails: 503 when the store cannot be reached, 502 when it refused.
   */
  MessageImage store(ChatId chat, ImageFile image);

  /** Removes an image no message refers to (a lost race, a send that failed); best effort. */
  void delete(String publicId);
}
