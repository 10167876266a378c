package net.notejam.application;

import java.time.Instant;

/** A note as a list row shows it: its pad's name comes with it, read in the same query. */
public record NoteSummary(long id, String name, Long padId, String padName, Instant updatedAt) {}
