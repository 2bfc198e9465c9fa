package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The UI's pages carry a Content-Security-Policy: scripts only from the UI itself or with the
 * page's nonce, which every inline script of the page has (so an injected script without it never
 * runs). That the pages still work under it is what the browser tests show.
 */
class ContentSecurityIT {

  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");

  @Test
  void theLoginPageAllowsOnlyItsOwnAndNoncedScripts() throws Exception {
    HttpResponse<String> page = Stack.get(Stack.url("frontend") + "/login.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");

    assertThat(policy)
        .contains("default-src 'self'")
        .contains("object-src 'none'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval")
        .containsPattern("script-src 'self' 'nonce-[^']+'");
    Matcher nonce = NONCE.matcher(policy);
    assertThat(nonce.find()).isTrue();

    List<String> inlineWithoutNonce = new ArrayList<>();
    Matcher script = SCRIPT.matcher(page.body());
    int scripts = 0;
    while (script.find()) {
      scripts++;
      String attributes = script.group(1);
      if (!attributes.contains("src=")
          && !attributes.contains("nonce=\"" + nonce.group(1) + "\"")) {
        inlineWithoutNonce.add(script.group());
      }
    }
    assertThat(scripts).isPositive();
    assertThat(inlineWithoutNonce).as("inline scripts without the page's nonce").isEmpty();
  }

  @Test
  void everyPageGetsAFreshNonce() throws Exception {
    String first = nonce(Stack.get(Stack.url("frontend") + "/login.xhtml"));
    String second = nonce(Stack.get(Stack.url("frontend") + "/login.xhtml"));
    assertThat(first).isNotEqualTo(second);
  }

  private static String nonce(HttpResponse<String> page) {
    Matcher nonce = NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
    assertThat(nonce.find()).as("a nonce in the policy").isTrue();
    return nonce.group(1);
  }
}
