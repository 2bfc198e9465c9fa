package io.chatapp.devstack;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * GreenMail's SMTP server plus a small web page showing what it received, so a person can read the
 * one-time code on a machine without a real mailbox. {@code GET /api/messages?to=} serves the same
 * as JSON for tests; {@code DELETE /api/messages} empties it.
 */
public final class LocalMailServer implements AutoCloseable {

  private final GreenMail greenMail;
  private final HttpServer http;

  private LocalMailServer(GreenMail greenMail, HttpServer http) {
    this.greenMail = greenMail;
    this.http = http;
  }

  public static LocalMailServer start(String host, int smtpPort, int httpPort) throws IOException {
    GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    HttpServer http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
    LocalMailServer server = new LocalMailServer(greenMail, http);
    http.createContext("/api/messages", server::api);
    http.createContext("/", server::page);
    http.setExecutor(Executors.newFixedThreadPool(2));
    http.start();
    return server;
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public String mailboxUrl() {
    InetSocketAddress address = http.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort() + "/";
  }

  /** Received mail, newest first, optionally only to one address. */
  public List<ReceivedMail> received(String to) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .map(LocalMailServer::read)
        .filter(mail -> to == null || mail.to().equalsIgnoreCase(to))
        .sorted(Comparator.comparing(ReceivedMail::receivedAt).reversed())
        .toList();
  }

  @Override
  public void close() {
    http.stop(0);
    greenMail.stop();
  }

  private void api(HttpExchange exchange) throws IOException {
    if ("DELETE".equals(exchange.getRequestMethod())) {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (FolderException e) {
        throw new IOException("Cannot empty the mailbox", e);
      }
      respond(exchange, 204, "application/json", "");
      return;
    }
    String to = queryParameter(exchange, "to");
    String json =
        received(to).stream().map(ReceivedMail::toJson).reduce((a, b) -> a + "," + b).orElse("");
    respond(exchange, 200, "application/json", "[" + json + "]");
  }

  private void page(HttpExchange exchange) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"refresh\" content=\"5\"><title>Local mailbox</title>")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}")
        .append("article{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0}")
        .append("pre{white-space:pre-wrap}</style></head><body>")
        .append("<h1>Local mailbox</h1><p>Mail sent by the chat platform on this machine,")
        .append(" newest first. This page refreshes itself.</p>");
    List<ReceivedMail> mails = received(null);
    if (mails.isEmpty()) {
      html.append("<p><em>No mail yet.</em></p>");
    }
    for (ReceivedMail mail : mails) {
      html.append("<article><b>To:</b> ")
          .append(escape(mail.to()))
          .append("<br><b>Subject:</b> ")
          .append(escape(mail.subject()))
          .append("<br><b>Received:</b> ")
          .append(mail.receivedAt())
          .append("<pre>")
          .append(escape(mail.text()))
          .append("</pre></article>");
    }
    html.append("</body></html>");
    respond(exchange, 200, "text/html; charset=utf-8", html.toString());
  }

  private static ReceivedMail read(MimeMessage message) {
    try {
      return ReceivedMail.of(message);
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable mail", e);
    }
  }

  private static String queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
