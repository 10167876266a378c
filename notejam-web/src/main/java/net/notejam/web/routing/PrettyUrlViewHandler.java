package net.notejam.web.routing;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * Makes a form post back to the Notejam URL its page was shown at ({@code /pads/12/edit/}) instead
 * of the view file the URL was forwarded to.
 */
public class PrettyUrlViewHandler extends ViewHandlerWrapper {

  public PrettyUrlViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  /**
   * Marks every view transient (stateless) as soon as it is created, before anything could store
   * its state (MyFaces opens a session before rendering a view that is not transient yet): no page
   * keeps anything on the server, and any instance takes any form's post (README "Sessions").
   */
  @Override
  public UIViewRoot createView(FacesContext context, String viewId) {
    UIViewRoot view = super.createView(context, viewId);
    if (view != null) {
      view.setTransient(true);
    }
    return view;
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    Map<String, Object> request = context.getExternalContext().getRequestMap();
    Object prettyUri = request.get(RequestDispatcher.FORWARD_REQUEST_URI);
    boolean currentView =
        context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId());
    if (prettyUri instanceof String uri && currentView) {
      Object query = request.get(RequestDispatcher.FORWARD_QUERY_STRING);
      return query instanceof String q && !q.isEmpty() ? uri + "?" + q : uri;
    }
    return super.getActionURL(context, viewId);
  }
}
