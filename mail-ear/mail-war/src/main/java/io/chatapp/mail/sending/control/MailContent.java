package io.chatapp.mail.sending.control;

import io.chatapp.mail.sending.entity.OutgoingMail;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two parts of a mail: the plain text as sent by the user service, and an HTML version where
 * the one-time code (8 digits, or a long one in groups of four) stands out in large type, followed
 * by when it expires. Everything taken from the message is HTML-escaped.
 */
public final class MailContent {

  static final String EXPIRY = "This code expires in 5 minutes.";

  /** 8 digits, or the long code mailed once too many wrong codes were tried: ABCD-EFGH-JKMN. */
  private static final Pattern CODE =
      Pattern.compile("(?<![\\dA-Z-])(\\d{8}|[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})(?![\\dA-Z-])");

  private MailContent() {}

  /** The one-time code in the body, if there is one. */
  public static Optional<String> code(OutgoingMail mail) {
    Matcher matcher = CODE.matcher(mail.text());
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  public static String text(OutgoingMail mail) {
    boolean saysExpiry = mail.text().toLowerCase(Locale.ROOT).contains("expire");
    if (code(mail).isPresent() && !saysExpiry) {
      return mail.text().stripTrailing() + "\n\n" + EXPIRY + "\n";
    }
    return mail.text();
  }

  public static String html(OutgoingMail mail) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
        .append(escape(mail.subject()))
        .append("</title></head>")
        .append("<body style=\"margin:0;padding:24px;background:#f4f5f7;")
        .append("font-family:Arial,Helvetica,sans-serif;color:#1f2328;\">")
        .append("<div style=\"max-width:480px;margin:0 auto;background:#ffffff;")
        .append("border-radius:8px;padding:24px;\">")
        .append("<h1 style=\"font-size:20px;margin:0 0 16px;\">")
        .append(escape(mail.subject()))
        .append("</h1>");
    code(mail)
        .ifPresent(
            code ->
                html.append("<p style=\"margin:0 0 8px;\">Your one-time code:</p>")
                    .append("<p style=\"margin:0 0 8px;font-size:36px;font-weight:bold;")
                    .append("letter-spacing:6px;font-family:'Courier New',Courier,monospace;\">")
                    .append(code)
                    .append("</p><p style=\"margin:0 0 16px;color:#57606a;\">")
                    .append(EXPIRY)
                    .append("</p>"));
    html.append("<p style=\"margin:0;line-height:1.5;\">")
        .append(escape(mail.text().strip()).replace("\r\n", "\n").replace("\n", "<br>"))
        .append("</p></div></body></html>");
    return html.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
