package net.notejam.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import net.notejam.application.error.NotFound;

/**
 * Answers a page whose pad or note does not exist, or is someone else's, with the 404 page, however
 * deep in the page the service said {@link NotFound}: the 404 view is rendered in place of the
 * page, in the same request. Other failures go on to the 500 page.
 */
public class NotFoundExceptionHandler extends ExceptionHandlerWrapper {

  public NotFoundExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable failure = events.next().getContext().getException();
      if (isNotFound(failure)) {
        events.remove();
        sendNotFound(FacesContext.getCurrentInstance());
      }
    }
    getWrapped().handle();
  }

  private static boolean isNotFound(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NotFound) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renders the 404 view with status 404. (Not {@code responseSendError}: Liberty would render the
   * error page at once, in a nested Faces request, and leave this one without its context.)
   */
  private static void sendNotFound(FacesContext context) {
    context.getExternalContext().setResponseStatus(404);
    UIViewRoot notFound =
        context.getApplication().getViewHandler().createView(context, NOT_FOUND_VIEW);
    context.setViewRoot(notFound);
    context.renderResponse();
  }

  private static final String NOT_FOUND_VIEW = "/errors/404.xhtml";

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new NotFoundExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
