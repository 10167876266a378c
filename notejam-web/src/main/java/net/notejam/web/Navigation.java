package net.notejam.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Post/redirect/get: ends a form post with a redirect that carries the messages along. */
public final class Navigation {

  private Navigation() {}

  /**
   * Redirects to the Notejam path {@code path} (such as {@code /pads/12/}), keeping the messages
   * of this request for the next page. Returns null, the action outcome that stays put.
   */
  public static String redirect(String path) {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    external.getFlash().setKeepMessages(true);
    external.getFlash().setRedirect(true);
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
    return null;
  }
}
