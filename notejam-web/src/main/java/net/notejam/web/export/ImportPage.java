package net.notejam.web.export;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import net.notejam.application.ImportService;
import net.notejam.application.ImportedNotes;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/**
 * The settings page's "Import notes": an export uploaded back (into this account or another)
 * recreates its pads and notes, skipping those already there unchanged. A file that is no export,
 * too big or with an item the rules refuse gets a message and changes nothing.
 */
@Named
@RequestScoped
public class ImportPage {

  /** The largest file the form takes (an export of 10 000 short notes is a few MB). */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  private static final String FIELD = "import:file";

  @Inject private ImportService imports;
  @Inject private CurrentUser currentUser;

  private Part file;

  public String importNotes() {
    if (file == null || file.getSize() == 0) {
      Feedback.fieldError(FIELD, "Choose a zip file that \"Download my notes\" made");
      return null;
    }
    if (file.getSize() > MAX_BYTES) {
      Feedback.fieldError(FIELD, "The file must be at most 20 MB; nothing was imported");
      return null;
    }
    ImportedNotes.Outcome outcome;
    try (InputStream upload = file.getInputStream()) {
      outcome = imports.importNotes(currentUser.getId(), ArchiveReader.read(upload));
    } catch (ArchiveReader.NotAnExport e) {
      Feedback.fieldError(
          FIELD, "This is not a Notejam export: " + e.getMessage() + "; nothing was imported");
      return null;
    } catch (InvalidInput e) {
      Feedback.fieldError(FIELD, "In this file: " + e.getMessage() + "; nothing was imported");
      return null;
    } catch (IOException e) {
      Feedback.fieldError(FIELD, "The upload broke off; nothing was imported");
      return null;
    }
    return Navigation.redirectWithSuccess(Routes.HOME, summary(outcome));
  }

  /** "Imported 2 pads and 5 notes; 1 note was there already." */
  static String summary(ImportedNotes.Outcome outcome) {
    String text =
        "Imported "
            + count(outcome.padsCreated(), "pad")
            + " and "
            + count(outcome.notesCreated(), "note");
    if (outcome.notesSkipped() > 0) {
      text +=
          "; "
              + count(outcome.notesSkipped(), "note")
              + (outcome.notesSkipped() == 1 ? " was" : " were")
              + " there already";
    }
    return text + ".";
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
