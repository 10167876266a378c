package net.notejam.web.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

/**
 * {@link Routes} for the Facelets pages, as {@code #{routes.pad(pad.id())}} or {@code
 * #{routes.signIn}}: the links of the pages and the layout, with the context path in front, so that
 * no page writes a URL itself.
 */
@Named("routes")
@ApplicationScoped
public class PageLinks {

  @Inject private ServletContext servletContext;

  private String link(String path) {
    return servletContext.getContextPath() + path;
  }

  public String getHome() {
    return link(Routes.HOME);
  }

  public String getSignUp() {
    return link(Routes.SIGN_UP);
  }

  public String getSignIn() {
    return link(Routes.SIGN_IN);
  }

  public String getSignOut() {
    return link(Routes.SIGN_OUT);
  }

  public String getSettings() {
    return link(Routes.SETTINGS);
  }

  public String getForgotPassword() {
    return link(Routes.FORGOT_PASSWORD);
  }

  public String getNewPad() {
    return link(Routes.NEW_PAD);
  }

  public String getTrash() {
    return link(Routes.TRASH);
  }

  public String getSearch() {
    return link(Routes.SEARCH);
  }

  public String getExportNotes() {
    return link(Routes.EXPORT_NOTES);
  }

  public String note(long id) {
    return link(Routes.NOTE.path(id));
  }

  public String editNote(long id) {
    return link(Routes.EDIT_NOTE.path(id));
  }

  public String deleteNote(long id) {
    return link(Routes.DELETE_NOTE.path(id));
  }

  public String pad(long id) {
    return link(Routes.PAD.path(id));
  }

  public String editPad(long id) {
    return link(Routes.EDIT_PAD.path(id));
  }

  public String deletePad(long id) {
    return link(Routes.DELETE_PAD.path(id));
  }
}
