package net.notejam.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * The messages a page shows: green success and red error messages above the content, and field
 * errors under a field (addressed by the field's client id, such as {@code signup:email}).
 */
public final class Feedback {

  private Feedback() {}

  public static void success(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  public static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public static void fieldError(String clientId, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    context.validationFailed();
  }
}
