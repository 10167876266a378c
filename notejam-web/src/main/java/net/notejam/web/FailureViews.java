package net.notejam.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import net.notejam.application.error.NotFound;

/**
 * Answers the failures a user can cause with their own page, in place of the page and in the same
 * request, however deep the failure was thrown:
 *
 * <ul>
 *   <li>a pad or note that does not exist, or is someone else's ({@link NotFound}): the 404 page;
 *   <li>a form whose view cannot be restored ({@link ViewExpiredException}: a view state that is
 *       not "stateless", as only a forged post or a page from an older Notejam has): the 403
 *       "Please try again" page, as for a form without its token ({@code VisitorForms}, {@code
 *       SignedInForms}, which call {@link #renderExpired}). Nothing of the form was applied.
 * </ul>
 *
 * Other failures go on to the 500 page. (web.xml's error page for ViewExpiredException is not
 * enough: Faces hands it on wrapped, and the container matches only the outer exception.)
 */
public class FailureViews extends ExceptionHandlerWrapper {

  private static final String NOT_FOUND_VIEW = "/errors/404.xhtml";
  private static final String EXPIRED_VIEW = "/errors/expired.xhtml";

  public FailureViews(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable failure = events.next().getContext().getException();
      if (causedBy(failure, NotFound.class)) {
        events.remove();
        render(FacesContext.getCurrentInstance(), 404, NOT_FOUND_VIEW);
      } else if (causedBy(failure, ViewExpiredException.class)) {
        events.remove();
        render(FacesContext.getCurrentInstance(), 403, EXPIRED_VIEW);
      }
    }
    getWrapped().handle();
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renders the "please try again" page (403) for a post refused as forged or stale, instead of
   * applying it.
   */
  public static void renderExpired(FacesContext context) {
    render(context, 403, EXPIRED_VIEW);
  }

  /**
   * Renders {@code viewId} with {@code status}. (Not {@code responseSendError}: Liberty would
   * render the error page at once, in a nested Faces request, and leave this one without its
   * context.)
   */
  private static void render(FacesContext context, int status, String viewId) {
    context.getExternalContext().setResponseStatus(status);
    UIViewRoot view = context.getApplication().getViewHandler().createView(context, viewId);
    context.setViewRoot(view);
    context.renderResponse();
  }

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new FailureViews(getWrapped().getExceptionHandler());
    }
  }
}
