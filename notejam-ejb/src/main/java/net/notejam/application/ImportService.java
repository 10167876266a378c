package net.notejam.application;

import jakarta.ejb.Stateless;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.input.InputRule;
import net.notejam.persistence.Note;
import net.notejam.persistence.Notes;
import net.notejam.persistence.Pad;
import net.notejam.persistence.Pads;
import net.notejam.persistence.User;

/**
 * Imports an export ({@link ImportedNotes}) into the signed-in user's account, all or nothing: one
 * transaction, which any refused item rolls back whole.
 */
@Stateless
public class ImportService extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

  /**
   * Recreates the pads and notes of {@code imported} for {@code ownerId}: a pad goes into the
   * owner's pad of the same name if there is one, a note that the owner has already (same pad, name
   * and text, outside the trash) is skipped; what is created keeps the export's created and updated
   * times. {@link InvalidInput} for a name or text the rules refuse, or a note naming a pad the
   * export does not have; then nothing is imported.
   */
  public ImportedNotes.Outcome importNotes(long ownerId, ImportedNotes imported) {
    User owner = em.getReference(User.class, ownerId);
    Map<String, Pad> byName = new HashMap<>();
    for (Pad pad : Pads.ownedBy(em, ownerId)) {
      byName.putIfAbsent(pad.getName(), pad);
    }
    Map<Long, Pad> byKey = new HashMap<>();
    int padsCreated = 0;
    for (ImportedNotes.Pad p : imported.pads()) {
      String name = InputRule.PAD_NAME.check(p.name()).strip();
      Pad pad = byName.get(name);
      if (pad == null) {
        pad = new Pad(owner, name);
        pad.keepTimes(p.createdAt(), p.updatedAt());
        em.persist(pad);
        byName.put(name, pad);
        padsCreated++;
      }
      byKey.put(p.key(), pad);
    }
    int created = 0;
    int skipped = 0;
    for (ImportedNotes.Note n : imported.notes()) {
      Pad pad = n.padKey() == null ? null : byKey.get(n.padKey());
      if (n.padKey() != null && pad == null) {
        throw new InvalidInput("A note names a pad that is not in the file");
      }
      String name = InputRule.NOTE_NAME.check(n.name()).strip();
      String text = InputRule.NOTE_TEXT.check(n.text());
      if (Notes.existsUnchanged(em, ownerId, pad, name, text)) {
        skipped++;
      } else {
        Note note = new Note(owner, pad, name, text);
        note.keepTimes(n.createdAt(), n.updatedAt());
        em.persist(note);
        created++;
      }
    }
    em.flush();
    ImportedNotes.Outcome outcome = new ImportedNotes.Outcome(padsCreated, created, skipped);
    LOG.info(() -> "Notes imported by user " + ownerId + ": " + outcome);
    return outcome;
  }
}
