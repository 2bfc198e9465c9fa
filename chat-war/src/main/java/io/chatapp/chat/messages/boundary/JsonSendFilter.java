package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.userId;

import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.platform.auth.Caller;
import io.chatapp.platform.auth.RequestAuthentication;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.concurrent.Futures;
import io.chatapp.platform.rest.BodySizeLimit;
import io.chatapp.platform.rest.ServletAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
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
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the hottest request of the API, a JSON send ({@code POST /api/v1/message}), before JAX-RS,
 * exactly as {@link MessageResource#send} would: the same body limit ({@link BodySizeLimit}),
 * authentication ({@link RequestAuthentication}), parsing ({@link SendRequest}) and service call,
 * and for a failure the answer of the API's exception mapper ({@link ServletAnswers}). Every other
 * request to this path (multipart, another method, a client that does not accept JSON) goes on to
 * the resource.
 *
 * <p>The request thread does not wait for the broker's confirm: once the send was admitted, the
 * request goes asynchronous, and once the pipeline took the message ({@link
 * MessageService#sendAsync}) it is dispatched again to this filter, which writes the answer. So a
 * broker that is slow to confirm holds no HTTP thread, and the other requests go on being served.
 *
 * <p>Why: profiled at 1,000 msg/s, Jersey's own work around each send (routing, HK2 lookups, its
 * filter and interceptor stages, Payara's tracing listener, the entity providers) took about 30 %
 * of chat-war's CPU, twice the send itself, on a machine whose two cores the whole stack shares.
 */
@WebFilter(
    urlPatterns = "/api/v1/message",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class JsonSendFilter extends HttpFilter {

  /** The request attribute that holds an asynchronous send's future until its answer is written. */
  private static final String SENT = JsonSendFilter.class.getName() + ".sent";

  @Inject RequestAuthentication authentication;
  @Inject MessageService messages;

  @Inject
  @ConfigProperty(name = "http.max-json-bytes", defaultValue = "65536")
  int maxJsonBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(SENT) != null) {
      answerDispatched(request, response);
      return;
    }
    if (!serves(request)) {
      chain.doFilter(request, response);
      return;
    }
    CompletableFuture<Message> sent;
    try {
      String body =
          new String(
              BodySizeLimit.read(
                  request.getInputStream(), request.getContentLengthLong(), maxJsonBytes),
              charset(request));
      Caller caller =
          authentication.caller(
              request.getMethod(),
              request.getHeader("Authorization"),
              accessCookie(request),
              request.getHeader("Origin"),
              request.getHeader("Referer"));
      sent = SendRequest.read(body).sendAs(userId(caller), messages);
    } catch (RuntimeException refused) {
      ServletAnswers.failure(response, refused);
      return;
    }
    if (sent.isDone() || !request.isAsyncSupported()) {
      // done already (a retry of a send the pipeline has), or a filter of the server's ahead of
      // this one cannot go asynchronous: this thread waits for the answer
      answer(response, sent);
      return;
    }
    request.setAttribute(SENT, sent);
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // the pipeline's hand-over is bounded (BatchingPublisher)
    sent.whenComplete((message, failure) -> async.dispatch());
  }

  /**
   * The answer to a send, written on the container's thread that the send's asynchronous dispatch
   * came back on. (Written and completed on the publisher's thread instead, each request made Weld
   * log two warnings with their stack traces, "HttpContextLifecycle guard not set" and "... guard
   * leak detected": its request context is ended on the thread that began it.)
   */
  private static void answerDispatched(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    @SuppressWarnings("unchecked")
    CompletableFuture<Message> sent = (CompletableFuture<Message>) request.getAttribute(SENT);
    answer(response, sent);
  }

  /** 201 with the message the pipeline took, or what the API answers for its failure. */
  private static void answer(HttpServletResponse response, CompletableFuture<Message> sent)
      throws IOException {
    Message message;
    try {
      message = Futures.join(sent);
    } catch (RuntimeException failure) {
      ServletAnswers.failure(response, failure);
      return;
    }
    ServletAnswers.json(response, HttpServletResponse.SC_CREATED, SendRequest.created(message));
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
