package net.notejam.application;

import java.time.Instant;

/**
 * A note that matches a search, as a result row shows it: a list row's fields, and a snippet of its
 * text with the matched words marked ({@link net.notejam.persistence.NoteSearch} says how).
 */
public record SearchHit(
    long id, String name, Long padId, String padName, Instant updatedAt, String snippet) {}
