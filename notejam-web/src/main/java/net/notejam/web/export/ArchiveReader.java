package net.notejam.web.export;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.notejam.application.ImportedNotes;

/**
 * Reads an uploaded export back: its {@code notes.json} (the Markdown files are for people; the
 * JSON has every field), checked to be what {@link NotesArchive} writes. Anything else is {@link
 * NotAnExport}, with what was wrong.
 */
final class ArchiveReader {

  /** The most {@code notes.json} may unpack to, so that a small zip cannot fill the memory. */
  static final int MAX_JSON_BYTES = 64 * 1024 * 1024;

  /** The upload is not an export this version of Notejam can read. */
  static final class NotAnExport extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnExport(String message) {
      super(message);
    }
  }

  private ArchiveReader() {}

  static ImportedNotes read(InputStream upload) throws NotAnExport {
    boolean anyEntry = false;
    try (ZipInputStream zip = new ZipInputStream(upload, StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        anyEntry = true;
        if (entry.getName().equals("notes.json")) {
          byte[] json = zip.readNBytes(MAX_JSON_BYTES + 1);
          if (json.length > MAX_JSON_BYTES) {
            throw new NotAnExport("its notes.json is too big");
          }
          return parse(json);
        }
      }
    } catch (IOException e) {
      throw new NotAnExport("it is not a readable zip file");
    }
    // A stream with no zip entry at all is no zip (ZipInputStream just finds nothing in it).
    throw new NotAnExport(anyEntry ? "it has no notes.json" : "it is not a readable zip file");
  }

  private static ImportedNotes parse(byte[] bytes) throws NotAnExport {
    JsonObject json;
    try (JsonReader reader =
        Json.createReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      json = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new NotAnExport("its notes.json is not valid JSON");
    }
    try {
      if (!NotesArchive.FORMAT.equals(json.getString("format", null))
          || json.getInt("version", -1) != NotesArchive.VERSION) {
        throw new NotAnExport("its notes.json is not a Notejam export of version 1");
      }
      List<ImportedNotes.Pad> pads = new ArrayList<>();
      Set<Long> keys = new HashSet<>();
      for (JsonValue value : json.getJsonArray("pads")) {
        JsonObject pad = value.asJsonObject();
        long key = pad.getJsonNumber("id").longValueExact();
        if (!keys.add(key)) {
          throw new NotAnExport("two of its pads have the id " + key);
        }
        pads.add(
            new ImportedNotes.Pad(
                key,
                pad.getString("name"),
                instant(pad, "created_at"),
                instant(pad, "updated_at")));
      }
      List<ImportedNotes.Note> notes = new ArrayList<>();
      for (JsonValue value : json.getJsonArray("notes")) {
        JsonObject note = value.asJsonObject();
        Long padKey = note.isNull("pad_id") ? null : note.getJsonNumber("pad_id").longValueExact();
        notes.add(
            new ImportedNotes.Note(
                note.getString("name"),
                note.getString("text"),
                padKey,
                instant(note, "created_at"),
                instant(note, "updated_at")));
      }
      return new ImportedNotes(List.copyOf(pads), List.copyOf(notes));
    } catch (ClassCastException | NullPointerException | ArithmeticException e) {
      // jakarta.json's getters throw these for a missing field or one of another type.
      throw new NotAnExport("its notes.json lacks a field or has one of the wrong type");
    }
  }

  /** A time of the export (ISO-8601, as it writes them). */
  private static Instant instant(JsonObject item, String field) throws NotAnExport {
    try {
      return Instant.parse(item.getString(field));
    } catch (DateTimeParseException e) {
      throw new NotAnExport("its notes.json has a time that is not one: " + field);
    }
  }
}
