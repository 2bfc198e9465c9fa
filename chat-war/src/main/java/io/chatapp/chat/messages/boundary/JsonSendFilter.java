package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.userId;

import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.platform.auth.Caller;
import io.chatapp.platform.auth.RequestAuthentication;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.rest.JsonBodyLimits;
import io.chatapp.platform.rest.ServletAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the hottest request of the API, a JSON send ({@code POST /api/v1/message}), before JAX-RS,
 * exactly as {@link MessageResource#send} would: the same body limit ({@link JsonBodyLimits}),
 * authentication ({@link RequestAuthentication}), parsing ({@link SendRequest}) and service call,
 * and for a failure the answer of the API's exception mapper ({@link ServletAnswers}). Every other
 * request to this path (multipart, another method, a client that does not accept JSON) goes on to
 * the resource.
 *
 * <p>Why: profiled at 1,000 msg/s, Jersey's own work around each send (routing, HK2 lookups, its
 * filter and interceptor stages, Payara's tracing listener, the entity providers) took about 30 %
 * of chat-war's CPU, twice the send itself, on a machine whose two cores the whole stack shares.
 */
@WebFilter("/api/v1/message")
public class JsonSendFilter extends HttpFilter {

  @Inject RequestAuthentication authentication;
  @Inject MessageService messages;

  @Inject
  @ConfigProperty(name = "http.max-json-bytes", defaultValue = "65536")
  int maxJsonBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!serves(request)) {
      chain.doFilter(request, response);
      return;
    }
    try {
      String body =
          new String(
              JsonBodyLimits.read(
                  request.getInputStream(), request.getContentLengthLong(), maxJsonBytes),
              charset(request));
      Caller caller =
          authentication.caller(
              request.getMethod(),
              request.getHeader("Authorization"),
              accessCookie(request),
              request.getHeader("Origin"),
              request.getHeader("Referer"));
      Message sent = SendRequest.read(body).sendAs(userId(caller), messages);
      ServletAnswers.json(response, HttpServletResponse.SC_CREATED, SendRequest.created(sent));
    } catch (RuntimeException failure) {
      ServletAnswers.failure(response, failure);
    }
  }

  /** A POST of JSON by a client that takes JSON back. */
  static boolean serves(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && isJson(request.getContentType())
        && acceptsJson(request.getHeader("Accept"));
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.strip().equalsIgnoreCase("application/json");
  }

  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String accepted = accept.toLowerCase(Locale.ROOT);
    return accepted.contains("application/json")
        || accepted.contains("*/*")
        || accepted.contains("application/*");
  }

  private static String accessCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (Tokens.ACCESS_COOKIE.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  /** The body's charset as its content type names it; UTF-8 when it names none (or none known). */
  private static Charset charset(HttpServletRequest request) {
    String name = request.getCharacterEncoding();
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return StandardCharsets.UTF_8;
    }
  }
}
