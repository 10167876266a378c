package net.notejam.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import net.notejam.application.SearchResults;
import net.notejam.application.SearchService;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
import net.notejam.web.SmartDates;
import net.notejam.web.note.NoteListing;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/**
 * {@code /search/?q=words&page=2}: the signed-in user's notes that match the words, best first, a
 * page at a time like the note lists. Blank or over-long words get the rule's message and no
 * results.
 */
@Named
@RequestScoped
public class SearchPage {

  @Inject private SearchService search;
  @Inject private CurrentUser currentUser;
  @Inject private SmartDates dates;
  @Inject private FacesContext faces;

  private SearchResults results;
  private List<Row> rows;

  /**
   * One result row: the note, its pad (null: none) and when it was last changed, and the snippet as
   * escaped HTML ({@link Snippet}).
   */
  public record Row(
      long id, String name, Long padId, String padName, String updated, String snippet) {}

  /** Runs the search before rendering, so that a failure shows the error page cleanly. */
  public void load() {
    Map<String, String> query = faces.getExternalContext().getRequestParameterMap();
    try {
      results =
          search.search(
              currentUser.getId(), query.get("q"), NoteListing.pageNumber(query.get("page")));
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
      return;
    }
    rows =
        results.hits().stream()
            .map(
                h ->
                    new Row(
                        h.id(),
                        h.name(),
                        h.padId(),
                        h.padName(),
                        dates.format(h.updatedAt()),
                        Snippet.html(h.snippet())))
            .toList();
  }

  /** The results; null when the words were refused. */
  public SearchResults getResults() {
    return results;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getTitle() {
    return results == null ? "Search" : "Search (" + results.total() + ")";
  }

  /** "3 notes match “milk”". */
  public String getSummary() {
    long total = results.total();
    return (total == 1 ? "1 note matches" : total + " notes match") + " “" + results.words() + "”";
  }

  public String getPreviousUrl() {
    return Routes.search(results.words(), results.number() - 1);
  }

  public String getNextUrl() {
    return Routes.search(results.words(), results.number() + 1);
  }
}
