package io.chatapp.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The mail service has no public API; its REST root only exists to keep the layout uniform. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class MailApplication extends Application {}
