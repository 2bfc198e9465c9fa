package io.chatapp.chat.media.control;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Images in Cloudinary, through its SDK: uploaded signed into the {@code chat-images} folder with
 * the original service's transformation (at most 800×600, {@code quality: auto}); the message keeps
 * Cloudinary's {@code secure_url} and {@code public_id}. Cloudinary unreachable is a 503, an answer
 * other than success a 502; either way nothing is stored and no message is sent.
 */
public class CloudinaryImageStore implements ImageStore {

  static final String FOLDER = "chat-images";
  private static final Logger LOG = Logger.getLogger(CloudinaryImageStore.class.getName());
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 60_000;

  private final Cloudinary cloudinary;

  public CloudinaryImageStore(Cloudinary cloudinary) {
    this.cloudinary = cloudinary;
  }

  static Transformation transformation() {
    return new Transformation().width(800).height(600).crop("limit").quality("auto");
  }

  @Override
  public MessageImage store(ChatId chat, ImageFile image) {
    Map<?, ?> result;
    try {
      result =
          cloudinary
              .uploader()
              .upload(
                  image.bytes(),
                  ObjectUtils.asMap(
                      "folder", FOLDER,
                      "resource_type", "image",
                      "transformation", transformation(),
                      "connect_timeout", CONNECT_TIMEOUT_MS,
                      "timeout", READ_TIMEOUT_MS));
    } catch (IOException e) {
      throw new DependencyUnavailableException("Cloudinary", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cloudinary refused an image upload: {0}", e.getMessage());
      throw Refusal.upstreamFailed("The image service refused the image; try again later");
    }
    Object url = result == null ? null : result.get("secure_url");
    Object publicId = result == null ? null : result.get("public_id");
    if (!(url instanceof String) || !(publicId instanceof String)) {
      LOG.warning("Cloudinary's answer to an upload has no secure_url or public_id");
      throw Refusal.upstreamFailed("The image service gave an unexpected answer");
    }
    try {
      return new MessageImage((String) url, (String) publicId);
    } catch (IllegalArgumentException e) {
      delete((String) publicId);
      throw Refusal.upstreamFailed("The image service gave an unexpected answer");
    }
  }

  @Override
  public void delete(String publicId) {
    try {
      cloudinary
          .uploader()
          .destroy(
              publicId,
              ObjectUtils.asMap(
                  "invalidate", true,
                  "connect_timeout", CONNECT_TIMEOUT_MS,
                  "timeout", READ_TIMEOUT_MS));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cloudinary image {0} not removed: {1}", new Object[] {publicId, e});
    }
  }
}
