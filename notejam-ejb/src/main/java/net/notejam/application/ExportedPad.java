package net.notejam.application;

import java.time.Instant;

/** A pad with every field, as the export of its owner's notes writes it. */
public record ExportedPad(long id, String name, Instant createdAt, Instant updatedAt) {}
