package net.notejam.web.note;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;

/**
 * The rows of a note table, {@code <nj:noteRows rows="#{...}" showPad="#{...}"/>}: each row written
 * here in one pass, names and links escaped by the response writer as in any page. A page of 50
 * notes as a {@code ui:repeat} evaluated five or six expressions per row, and re-walked its
 * children for every row: a quarter of the all-notes page's time (README "Performance").
 */
@FacesComponent(createTag = true, tagName = "noteRows", namespace = NoteRows.NAMESPACE)
public class NoteRows extends UIComponentBase {

  /** The namespace of Notejam's own tags in pages: {@code xmlns:nj="notejam"}. */
  public static final String NAMESPACE = "notejam";

  @Override
  public String getFamily() {
    return "net.notejam.NoteRows";
  }

  @Override
  public boolean getRendersChildren() {
    return true;
  }

  @Override
  public void encodeChildren(FacesContext context) {
    // No children: encodeEnd writes the rows.
  }

  @Override
  public void encodeEnd(FacesContext context) throws IOException {
    @SuppressWarnings("unchecked")
    List<NoteListing.Row> rows = (List<NoteListing.Row>) getAttributes().get("rows");
    boolean showPad = Boolean.TRUE.equals(getAttributes().get("showPad"));
    ResponseWriter out = context.getResponseWriter();
    for (NoteListing.Row row : rows) {
      out.startElement("tr", this);
      cell(out, "note");
      link(out, row.href(), row.name());
      out.endElement("td");
      if (showPad) {
        cell(out, "pad");
        if (row.padHref() != null) {
          link(out, row.padHref(), row.padName());
        } else {
          out.startElement("span", this);
          out.writeAttribute("class", "no-pad", null);
          out.writeText("No pad", null);
          out.endElement("span");
        }
        out.endElement("td");
      }
      cell(out, "date");
      out.writeText(row.updated(), null);
      out.endElement("td");
      out.endElement("tr");
    }
  }

  private void cell(ResponseWriter out, String styleClass) throws IOException {
    out.startElement("td", this);
    out.writeAttribute("class", styleClass, null);
  }

  private void link(ResponseWriter out, String href, String text) throws IOException {
    out.startElement("a", this);
    out.writeAttribute("href", href, null);
    out.writeText(text, null);
    out.endElement("a");
  }
}
