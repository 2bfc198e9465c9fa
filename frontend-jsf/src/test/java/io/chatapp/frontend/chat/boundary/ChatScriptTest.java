package io.chatapp.frontend.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The chat page's script (the ES modules of resources/js/chat/) in headless Chromium, against a
 * fake of the page's server side and of chat-war's socket that follows issue 18's contract
 * (src/test/resources/chat-script/fake.js): groups, sender names, system messages, who is typing,
 * reply, reactions, edit, delete, read by turning ✓✓ blue (also when the read comes before the page
 * knows the message: the send's answer held back), members added, removed and renamed, a removed
 * member's read-only chat, and 1:1 chats as before; rows and chat items are patched in place, not
 * rebuilt. The page is chat.xhtml's own markup, its dialogs as plain elements. The browser tests
 * check the same page against the running stack; this one needs no stack (and is skipped where
 * Debian's Chromium is not installed).
 */
@EnabledIf("chromiumInstalled")
class ChatScriptTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path HARNESS = Path.of("src/test/resources/chat-script");
  private static final Pattern RESULTS =
      Pattern.compile("<pre id=\"results\">(.*?)</pre>", Pattern.DOTALL);

  static boolean chromiumInstalled() {
    return Files.isExecutable(CHROMIUM);
  }

  @Test
  void thePageScriptFollowsTheContract() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/harness.html";
      String dom = dumpDom(url);
      Matcher results = RESULTS.matcher(dom);
      assertThat(results.find()).as("the scenario's results in the page").isTrue();
      String lines =
          results.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
      assertThat(lines.lines().filter(line -> !line.startsWith("PASS")).toList())
          .as(lines)
          .containsExactly("DONE");
    } finally {
      server.stop(0);
    }
  }

  private static String dumpDom(String url) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-chat-script");
    Path out = Files.createTempFile("chat-script", ".html");
    Process chromium =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--virtual-time-budget=30000",
                    "--dump-dom",
                    url))
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new AssertionError("Chromium did not finish the scenario in 90 s");
    }
    return Files.readString(out);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    String type;
    if (path.equals("/harness.html")) {
      body = harness().getBytes(StandardCharsets.UTF_8);
      type = "text/html";
    } else {
      Path file =
          path.startsWith("/resources/")
              ? WEBAPP.resolve(path.substring(1)).normalize()
              : HARNESS.resolve(path.substring(1)).normalize();
      if (!(file.startsWith(WEBAPP) || file.startsWith(HARNESS)) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      body = Files.readAllBytes(file);
      type =
          path.endsWith(".js")
              ? "text/javascript"
              : path.endsWith(".css") ? "text/css" : "application/octet-stream";
    }
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(body);
    }
  }

  /**
   * chat.xhtml's markup with plain elements for its dialogs, the fake before the page's modules.
   */
  private static String harness() throws IOException {
    String page = Files.readString(WEBAPP.resolve("chat.xhtml"));
    String app =
        page.substring(page.indexOf("<div id=\"app\""), page.indexOf("<h:form id=\"rpc\">"));
    app =
        app.replace(
                "data-socket-url=\"#{chatPage.socketUrl}\" data-me=\"#{chatPage.meJson}\"",
                "data-socket-url=\"ws://fake/ws\" data-me='{\"_id\":\"u1\",\"name\":\"Alice\"}'")
            .replaceAll(
                "<p:dialog id=\"(\\w+)\"[^>]*header=\"([^\"]*)\"[^>]*>",
                "<div id=\"$1\" class=\"dlg\" hidden=\"hidden\"><button type=\"button\""
                    + " class=\"ui-dialog-titlebar-close\">x</button><b>$2</b>")
            .replace("</p:dialog>", "</div>");
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/>"
        + "<link rel=\"stylesheet\" href=\"resources/css/chat.css\"/>"
        + "<script src=\"fake.js\"></script></head><body class=\"chat-page\">"
        + app
        + "<pre id=\"results\"></pre>"
        + "<script type=\"module\" src=\"resources/js/chat/main.js\"></script>"
        + "<script type=\"module\" src=\"scenario.js\"></script>"
        + "</body></html>";
  }
}
