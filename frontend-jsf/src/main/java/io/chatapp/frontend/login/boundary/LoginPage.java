package io.chatapp.frontend.login.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.frontend.backend.control.Answer;
import io.chatapp.frontend.backend.control.Services;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The login use case: ask for a code by email, then type the code from the mail: 8 digits, or 12
 * letters and digits once too many wrong codes were tried for the address.
 */
@Named
@ViewScoped
public class LoginPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int COOL_DOWN_SECONDS = 60;

  @Inject Services services;

  private String email;
  private String otp;
  private boolean codeSent;
  private long resendAllowedAt;

  /** Asks the user service to mail a code; moves on to the code step when it did. */
  public void sendCode() {
    String body = JSON.createObjectBuilder().add("email", trimmed(email)).build().toString();
    Answer answer = services.session().anonymous((users, client) -> users.login(client, body));
    if (answer.ok()) {
      codeSent = true;
      otp = null;
      resendAllowedAt = System.currentTimeMillis() + COOL_DOWN_SECONDS * 1000L;
      info("We sent a code to " + trimmed(email) + ". It is valid for 5 minutes.");
    } else if (answer.status() == 429) {
      long wait = answer.retryAfterSeconds() > 0 ? answer.retryAfterSeconds() : COOL_DOWN_SECONDS;
      resendAllowedAt = System.currentTimeMillis() + wait * 1000L;
      codeSent = codeSent || answer.retryAfterSeconds() > 0;
      error("Too many requests: you can ask for a new code in " + wait + " s.");
    } else {
      error(answer.message("Could not send the code. Try again."));
    }
  }

  /** Checks the code; on success the session cookies are set and the chat opens. */
  public String verify() {
    String code = otp == null ? "" : otp.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    if (!code.matches("\\d{8}|[A-Z0-9]{12}")) {
      error("The code has 8 digits, or 12 letters and digits when the mail says it is longer.");
      return null;
    }
    String body =
        JSON.createObjectBuilder().add("email", trimmed(email)).add("otp", code).build().toString();
    Answer answer = services.session().anonymous((users, client) -> users.verify(client, body));
    if (answer.ok()) {
      return "/chat.xhtml?faces-redirect=true";
    }
    error(answer.message("That code did not work. Check it or ask for a new one."));
    return null;
  }

  /** Back to the email step, to use another address. */
  public void changeEmail() {
    codeSent = false;
    otp = null;
  }

  /** Seconds until a new code may be asked for (0 when allowed now). */
  public long getResendWaitSeconds() {
    return Math.max(0, (resendAllowedAt - System.currentTimeMillis() + 999) / 1000);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getOtp() {
    return otp;
  }

  public void setOtp(String otp) {
    this.otp = otp;
  }

  public boolean isCodeSent() {
    return codeSent;
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.trim();
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
