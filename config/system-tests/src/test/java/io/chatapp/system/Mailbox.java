package io.chatapp.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local SMTP server's mailbox, read over its web API, as a person reads the OTP mail. */
public final class Mailbox {

  private static final Pattern CODE =
      Pattern.compile("\\b(\\d{8}|[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\\b");

  private Mailbox() {}

  /** Every mail to the address in the mailbox now, newest first. */
  public static JsonArray mails(String to) throws Exception {
    String url =
        Stack.url("mailbox") + "/api/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
    var response = Stack.get(url);
    if (response.statusCode() != 200) {
      throw new AssertionError("the mailbox answered " + response.statusCode());
    }
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** The newest mail to the address, waiting for it to arrive. */
  public static JsonObject awaitMail(String to, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      JsonArray mails = mails(to);
      if (!mails.isEmpty()) {
        return mails.getJsonObject(0);
      }
      Thread.sleep(300);
    }
    throw new AssertionError("No mail to " + to + " within " + timeout);
  }

  /** The code of the newest mail to the address: 8 digits, or a long one (ABCD-EFGH-JKMN). */
  public static String awaitCode(String to, Duration timeout) throws Exception {
    JsonObject mail = awaitMail(to, timeout);
    Matcher matcher = CODE.matcher(mail.getString("text"));
    if (!matcher.find()) {
      throw new AssertionError("No login code in the mail to " + to);
    }
    return matcher.group(1);
  }
}
