package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.input.InputRule;
import net.notejam.persistence.NoteSearch;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The search of the signed-in user's notes: only that user's, never those in the trash. How words
 * match depends on the database ({@link NoteSearch}).
 */
@Stateless
public class SearchService extends ApplicationService {

  @Inject
  @ConfigProperty(name = "notejam.page-size")
  private int pageSize;

  /**
   * Page {@code page} (from 1, clamped to the last) of the notes of {@code ownerId} that match
   * {@code words}, best first; {@link InvalidInput} for blank or over-long words.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SearchResults search(long ownerId, String words, int page) {
    String checked = InputRule.SEARCH.check(words).strip();
    long total = NoteSearch.count(em, ownerId, checked);
    int number = NotePage.clamp(page, total, pageSize);
    List<SearchHit> hits =
        NoteSearch.page(em, ownerId, checked, (number - 1) * pageSize, pageSize, SearchHit::new);
    return new SearchResults(checked, hits, total, number, pageSize);
  }
}
