package net.notejam.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JVM options every Notejam server runs with, from the file the image copies. */
final class JvmOptions {

  static final Path FILE =
      Path.of("..", "liberty", "src", "main", "liberty", "config", "configDropins", "defaults")
          .resolve("jvm.options");

  private static final Pattern MAX_RAM = Pattern.compile("(?m)^-XX:MaxRAMPercentage=(\\d+)$");

  private JvmOptions() {}

  /** The share of the container's memory the heap may take, in percent. */
  static long maxRamPercentage() {
    try {
      Matcher m = MAX_RAM.matcher(Files.readString(FILE));
      if (!m.find()) {
        throw new AssertionError(FILE + " sets no -XX:MaxRAMPercentage");
      }
      return Long.parseLong(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
