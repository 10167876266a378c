package net.notejam.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * Reads the layout's data, the "My pads" column, before a page starts to render: if the database
 * fails, nothing is written yet and the request ends with the clean error page, not a page cut off
 * half-way under a 200 (one that shows the account bar and would pass for a working page). The
 * pages read their own data the same way, before rendering, in their {@code f:viewAction}.
 * Registered in faces-config.xml.
 */
public class ReadBeforeRenderViewHandler extends ViewHandlerWrapper {

  public ReadBeforeRenderViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void renderView(FacesContext context, UIViewRoot view) throws IOException {
    CDI.current().select(PadsColumn.class).get().getPads();
    super.renderView(context, view);
  }
}
