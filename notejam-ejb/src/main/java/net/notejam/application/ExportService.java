package net.notejam.application;

import jakarta.ejb.Stateless;
import java.util.List;
import net.notejam.persistence.Notes;
import net.notejam.persistence.Pads;

/**
 * What the download of the signed-in user's notes reads: that user's pads and notes, never those in
 * the trash. The notes come a page at a time, each page its own short transaction, so that an
 * export of 10 000 notes never holds them all.
 */
@Stateless
public class ExportService extends ApplicationService {

  /** The pads of {@code ownerId}, by name. */
  public List<ExportedPad> pads(long ownerId) {
    return Pads.ownedBy(em, ownerId).stream()
        .map(p -> new ExportedPad(p.getId(), p.getName(), p.getCreatedAt(), p.getUpdatedAt()))
        .toList();
  }

  /** Up to {@code max} notes of {@code ownerId} with ids above {@code afterId}, by id. */
  public List<ExportedNote> notesAfter(long ownerId, long afterId, int max) {
    return Notes.exportAfter(em, ownerId, afterId, max, ExportedNote::new);
  }
}
