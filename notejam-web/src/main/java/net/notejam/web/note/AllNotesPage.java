package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.service.NoteService;
import net.notejam.web.security.CurrentUser;

/** {@code /}: all notes of the signed-in user. */
@Named
@RequestScoped
public class AllNotesPage {

  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;

  private Long count;

  public long getCount() {
    if (count == null) {
      count = notes.countAll(currentUser.getId());
    }
    return count;
  }
}
