package net.notejam.application;

import java.time.Instant;

/** A note with every field, as the export of its owner's notes writes it. */
public record ExportedNote(
    long id, String name, String text, Long padId, Instant createdAt, Instant updatedAt) {}
