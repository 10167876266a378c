package net.notejam.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The test server's JSON log (messages.log), as the log pipeline reads it. */
public final class ServerLog {

  private ServerLog() {}

  public static Path file() {
    return Path.of(System.getProperty("notejam.log", "target/notejam-it-messages.log"));
  }

  /** The whole file as written, to search for what must never be in it. */
  public static String raw() {
    try {
      return Files.readString(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every line, parsed: one that does not parse fails the test. (The file opens with Liberty's
   * plain-text banner of asterisks; the JSON lines follow it.)
   */
  public static List<JsonObject> lines() {
    List<JsonObject> parsed = new ArrayList<>();
    boolean inBanner = true;
    for (String line : raw().split("\n")) {
      inBanner &= !line.startsWith("{");
      if (inBanner || line.isBlank()) {
        continue;
      }
      try (JsonReader reader = Json.createReader(new StringReader(line))) {
        parsed.add(reader.readObject());
      }
    }
    return parsed;
  }

  /**
   * The lines that {@code wanted} picks, once at least {@code count} of them are written (Liberty
   * writes its log a moment after the request), or what there is after 15 seconds.
   */
  public static List<JsonObject> await(Predicate<JsonObject> wanted, int count) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<JsonObject> found;
    do {
      found = lines().stream().filter(wanted).toList();
      if (found.size() >= count) {
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < deadline);
    return found;
  }
}
