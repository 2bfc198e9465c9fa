package io.chatapp.chat.media.control;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the image store once, from configuration: Cloudinary when {@code cloudinary.url} is set,
 * or all of {@code cloud.name}, {@code api.key} and {@code api.secret}; the local store otherwise.
 */
@ApplicationScoped
public class ImageStores {

  private static final Logger LOG = Logger.getLogger(ImageStores.class.getName());

  @Inject
  @ConfigProperty(name = "cloudinary.url")
  Optional<String> cloudinaryUrl;

  @Inject
  @ConfigProperty(name = "cloud.name")
  Optional<String> cloudName;

  @Inject
  @ConfigProperty(name = "api.key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "api.secret")
  Optional<String> apiSecret;

  @Inject
  @ConfigProperty(name = "chat.public.url", defaultValue = "http://localhost:3002")
  String publicUrl;

  @Inject MediaFolder folder;
  @Inject MediaRecords records;

  @Produces
  @ApplicationScoped
  ImageStore imageStore() {
    Optional<Cloudinary> cloudinary = cloudinary();
    if (cloudinary.isPresent()) {
      LOG.info("Images are stored in Cloudinary");
      return new CloudinaryImageStore(cloudinary.get());
    }
    LOG.info(() -> "Images are stored in " + folder.root().toAbsolutePath());
    return new LocalImageStore(folder, records, publicUrl);
  }

  private Optional<Cloudinary> cloudinary() {
    if (cloudinaryUrl.filter(url -> !url.isBlank()).isPresent()) {
      Cloudinary cloudinary = new Cloudinary(cloudinaryUrl.get().strip());
      cloudinary.config.secure = true;
      return Optional.of(cloudinary);
    }
    if (cloudName.isPresent() && apiKey.isPresent() && apiSecret.isPresent()) {
      return Optional.of(
          new Cloudinary(
              ObjectUtils.asMap(
                  "cloud_name", cloudName.get(),
                  "api_key", apiKey.get(),
                  "api_secret", apiSecret.get(),
                  "secure", true)));
    }
    return Optional.empty();
  }
}
