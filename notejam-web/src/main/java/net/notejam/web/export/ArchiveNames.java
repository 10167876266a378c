package net.notejam.web.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The file and folder names of an export: each pad's or note's name made safe for any file system
 * (no slashes, control characters or characters Windows refuses, no leading or trailing dots and
 * spaces, never empty), and unique within its folder regardless of case ({@code Plans}, {@code
 * Plans (2)}), since macOS and Windows do not tell {@code plans.md} from {@code Plans.md}.
 */
final class ArchiveNames {

  /** The folder of the notes that are in no pad. */
  static final String NO_PAD = "No pad";

  /** Longer names are cut (pad and note names are at most 100 characters anyway). */
  private static final int MAX_LENGTH = 100;

  private final Set<String> folders = new HashSet<>();
  private final Map<String, Set<String>> files = new HashMap<>();

  ArchiveNames() {
    folders.add(key(NO_PAD));
  }

  /** A new folder for the pad named {@code padName}, unlike every folder so far. */
  String folder(String padName) {
    return unique(safe(padName), "", folders);
  }

  /** A new {@code name.md} path in {@code folder} for the note named {@code noteName}. */
  String file(String folder, String noteName) {
    Set<String> taken = files.computeIfAbsent(folder, f -> new HashSet<>());
    return folder + '/' + unique(safe(noteName), ".md", taken);
  }

  /** {@code name} as a file name that every file system takes; "Untitled" when nothing is left. */
  static String safe(String name) {
    String safe =
        name.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").replaceAll("^[\\s.]+|[\\s.]+$", "");
    if (safe.length() > MAX_LENGTH) {
      safe = safe.substring(0, MAX_LENGTH).strip();
    }
    if (safe.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])")) {
      safe = "_" + safe;
    }
    return safe.isEmpty() ? "Untitled" : safe;
  }

  private static String unique(String base, String extension, Set<String> taken) {
    String name = base + extension;
    for (int n = 2; !taken.add(key(name)); n++) {
      name = base + " (" + n + ")" + extension;
    }
    return name;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
