package net.notejam.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/** Post/redirect/get: ends a form post with a redirect that carries the messages along. */
public final class Navigation {

  private Navigation() {}

  /**
   * Redirects to the Notejam path {@code path} (such as {@code /pads/12/}) with "303 See Other",
   * keeping the messages of this request for the next page. Returns null, the action outcome that
   * stays put.
   *
   * <p>The redirect is only set on the response, not sent: the response goes out when the Faces
   * lifecycle ends, with the cookie of the messages kept ({@link Notices}).
   */
  public static String redirect(String path) {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    Notices.keep(context);
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", external.getRequestContextPath() + path);
    context.responseComplete();
    return null;
  }

  /**
   * The end of a form post that succeeded: {@code message} as a success message on the page at
   * {@code path}, redirected to as {@link #redirect} does. Returns null.
   */
  public static String redirectWithSuccess(String path, String message) {
    Feedback.success(message);
    return redirect(path);
  }
}
