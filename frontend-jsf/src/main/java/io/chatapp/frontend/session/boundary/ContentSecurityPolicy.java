package io.chatapp.frontend.session.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code Content-Security-Policy} of every page, which PrimeFaces sends ({@code primefaces.CSP}
 * in web.xml reads {@link #getPolicy()}) with a fresh nonce appended to {@code script-src}: scripts
 * run only from the UI's own origin or with that nonce, so a script injected into a page never
 * runs. Everything else is the UI's own origin too, except what the page reaches in chat-war
 * ({@code CHAT_PUBLIC_URL}): its WebSocket and its images, and images on Cloudinary. Inline styles
 * stay allowed: PrimeFaces' components set them.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

  @Inject
  @ConfigProperty(name = "chat.public.url", defaultValue = "http://localhost:3002")
  String chatPublicUrl;

  private volatile String policy;

  public ContentSecurityPolicy() {}

  /** For use outside the container (tests). */
  public ContentSecurityPolicy(String chatPublicUrl) {
    this.chatPublicUrl = chatPublicUrl;
  }

  /** The policy; it ends with {@code script-src}, for PrimeFaces to append the page's nonce. */
  public String getPolicy() {
    String built = policy;
    if (built == null) {
      built = build(origin(chatPublicUrl));
      policy = built;
    }
    return built;
  }

  private static String build(String chat) {
    String socket = chat.replaceFirst("^http", "ws");
    return String.join(
        "; ",
        "default-src 'self'",
        "img-src 'self' data: blob: " + chat + " https://res.cloudinary.com",
        "connect-src 'self' " + socket + " " + chat,
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "script-src 'self'");
  }

  /** scheme://host[:port] of a URL, which is what a CSP source names. */
  static String origin(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("chat.public.url is not an absolute URL: " + url);
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
