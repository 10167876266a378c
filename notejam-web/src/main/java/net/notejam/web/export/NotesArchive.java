package net.notejam.web.export;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.notejam.application.ExportService;
import net.notejam.application.ExportedNote;
import net.notejam.application.ExportedPad;

/**
 * Writes one user's export as a zip: a folder per pad (and {@code No pad/}) with a Markdown file
 * per note, then {@code notes.json} with every field of every pad and note, each note naming its
 * file. The notes are read twice, a page at a time, once for the files and once for the JSON (a zip
 * writes one entry after another): only the names of the files stay in memory, never the texts.
 */
final class NotesArchive {

  /** Notes per query: up to 10 MB of text at the longest texts, a few KB usually. */
  static final int PAGE = 100;

  static final String FORMAT = "notejam-export";
  static final int VERSION = 1;

  private final ExportService export;
  private final long ownerId;
  private final ArchiveNames names = new ArchiveNames();
  private final Map<Long, ExportedPad> pads = new HashMap<>();
  private final Map<Long, String> folders = new HashMap<>();
  private final Map<Long, String> files = new HashMap<>();

  private NotesArchive(ExportService export, long ownerId) {
    this.export = export;
    this.ownerId = ownerId;
  }

  /** Writes the export of {@code ownerId}'s pads and notes to {@code out}, and closes it. */
  static void write(ExportService export, long ownerId, OutputStream out) throws IOException {
    new NotesArchive(export, ownerId).write(out);
  }

  private void write(OutputStream out) throws IOException {
    List<ExportedPad> padList = export.pads(ownerId);
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (ExportedPad pad : padList) {
        pads.put(pad.id(), pad);
        folders.put(pad.id(), names.folder(pad.name()));
        // The folder itself, so that an empty pad is there too.
        entry(zip, folders.get(pad.id()) + '/', pad.updatedAt());
        zip.closeEntry();
      }
      forEachNote(note -> writeMarkdown(zip, note));
      entry(zip, "notes.json", Instant.now());
      JsonGenerator json = Json.createGenerator(new KeptOpen(zip));
      json.writeStartObject()
          .write("format", FORMAT)
          .write("version", VERSION)
          .write("exported_at", Instant.now().toString());
      json.writeStartArray("pads");
      for (ExportedPad pad : padList) {
        json.writeStartObject()
            .write("id", pad.id())
            .write("name", pad.name())
            .write("folder", folders.get(pad.id()))
            .write("created_at", pad.createdAt().toString())
            .write("updated_at", pad.updatedAt().toString())
            .writeEnd();
      }
      json.writeEnd().writeStartArray("notes");
      forEachNote(note -> writeJson(json, note));
      json.writeEnd().writeEnd().close();
      zip.closeEntry();
    }
  }

  /** Runs {@code action} on each of the owner's notes, by id, reading a page at a time. */
  private void forEachNote(Consumer<ExportedNote> action) {
    long after = 0;
    List<ExportedNote> page;
    do {
      page = export.notesAfter(ownerId, after, PAGE);
      for (ExportedNote note : page) {
        action.accept(note);
        after = note.id();
      }
    } while (page.size() == PAGE);
  }

  private void writeMarkdown(ZipOutputStream zip, ExportedNote note) {
    String folder =
        note.padId() == null
            ? ArchiveNames.NO_PAD
            // A pad made since the pads were read: a folder by its id.
            : folders.computeIfAbsent(note.padId(), id -> names.folder("Pad " + id));
    String file = names.file(folder, note.name());
    files.put(note.id(), file);
    String text = note.text();
    String markdown = "# " + note.name() + "\n\n" + text + (text.endsWith("\n") ? "" : "\n");
    try {
      entry(zip, file, note.updatedAt());
      zip.write(markdown.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeJson(JsonGenerator json, ExportedNote note) {
    String file = files.get(note.id());
    if (file == null) {
      return; // made after the files were written: in neither, rather than in one of them
    }
    json.writeStartObject().write("id", note.id()).write("name", note.name());
    ExportedPad pad = note.padId() == null ? null : pads.get(note.padId());
    if (note.padId() == null) {
      json.writeNull("pad_id").writeNull("pad");
    } else {
      json.write("pad_id", note.padId());
      if (pad == null) {
        json.writeNull("pad");
      } else {
        json.write("pad", pad.name());
      }
    }
    json.write("file", file)
        .write("text", note.text())
        .write("created_at", note.createdAt().toString())
        .write("updated_at", note.updatedAt().toString())
        .writeEnd();
  }

  private static void entry(ZipOutputStream zip, String name, Instant modified) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FileTime.from(modified));
    zip.putNextEntry(entry);
  }

  /** The zip as the JSON generator's stream: closing the generator must not close the zip. */
  private static final class KeptOpen extends FilterOutputStream {
    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
