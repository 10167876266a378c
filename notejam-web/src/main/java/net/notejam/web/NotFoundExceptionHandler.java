package net.notejam.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import net.notejam.service.NotFound;

/**
 * Answers a page whose pad or note does not exist, or is someone else's, with the 404 page, however
 * deep in the page the service said {@link NotFound}. Other failures go on to the 500 page.
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

  private static void sendNotFound(FacesContext context) {
    ExternalContext external = context.getExternalContext();
    try {
      if (!external.isResponseCommitted()) {
        external.responseReset();
        external.responseSendError(404, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

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
