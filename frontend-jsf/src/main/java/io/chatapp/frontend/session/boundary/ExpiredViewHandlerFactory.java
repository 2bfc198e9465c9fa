package io.chatapp.frontend.session.boundary;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;

/**
 * A page whose view state expired or was forged (a form left open past the session, a tampered
 * {@code jakarta.faces.ViewState}) goes back to the same page with {@code ?expired=true}, which
 * shows a message, instead of the server's 500 page. Ajax requests get the same, as a partial
 * redirect.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

  public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        if (isExpiredView(events.next().getContext().getException())) {
          events.remove();
          backToThePage();
          return;
        }
      }
      getWrapped().handle();
    }

    private static boolean isExpiredView(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof ViewExpiredException) {
          return true;
        }
      }
      return false;
    }

    private static void backToThePage() {
      FacesContext faces = FacesContext.getCurrentInstance();
      ExternalContext external = faces.getExternalContext();
      String page = ((HttpServletRequest) external.getRequest()).getServletPath();
      try {
        external.redirect(
            external.getRequestContextPath()
                + (page.endsWith(".xhtml") ? page : "/login.xhtml")
                + "?expired=true");
      } catch (IOException e) {
        throw new FacesException(e);
      }
      faces.responseComplete();
    }
  }
}
