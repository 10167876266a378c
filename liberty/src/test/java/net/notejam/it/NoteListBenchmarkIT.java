package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import net.notejam.it.support.SeededNotes;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test of speed: prints how long the first page of a 50-note pad and of a 10
 * 000-note pad take to serve, so that anyone can see that a page costs the same however big the
 * list. It seeds the notes straight into PostgreSQL (the database CI runs on); on the embedded H2
 * default it is skipped. The only assertions check that the pages are the right ones.
 */
class NoteListBenchmarkIT {

  private static final int WARM_UP = 30;
  private static final int MEASURED = 100;

  @Test
  void firstPageOfASmallAndOfAHugePad() throws Exception {
    assumeTrue(
        Database.isPostgresql(),
        "the benchmark seeds its notes through PostgreSQL (DB_KIND=postgresql); skipped on H2");
    String email = Accounts.newEmail();
    Browser browser = Accounts.signedInUser(email);
    long small = Notejam.createPad(browser, "Fifty notes");
    long huge = Notejam.createPad(browser, "Ten thousand notes");
    seed(email, small, 50);
    seed(email, huge, 10_000);

    String smallPath = "/pads/" + small + "/";
    String hugePath = "/pads/" + huge + "/";
    assertEquals("Fifty notes (50)", browser.get(smallPath).title());
    Page hugePage = browser.get(hugePath);
    assertEquals("Ten thousand notes (10000)", hugePage.title());
    assertEquals(50, Notejam.noteNames(hugePage).size());

    for (int i = 0; i < WARM_UP; i++) {
      browser.get(smallPath);
      browser.get(hugePath);
    }
    List<Double> smallTimes = new ArrayList<>();
    List<Double> hugeTimes = new ArrayList<>();
    for (int i = 0; i < MEASURED; i++) { // interleaved, so both see the same machine load
      smallTimes.add(time(browser, smallPath));
      hugeTimes.add(time(browser, hugePath));
    }

    String report =
        String.join(
            System.lineSeparator(),
            "Note list benchmark: first page (50 rows) of a pad, "
                + MEASURED
                + " requests each after "
                + WARM_UP
                + " warm-up requests,",
            "one client on loopback; Liberty, PostgreSQL and the client share the machine.",
            line("50-note pad", smallTimes),
            line("10 000-note pad", hugeTimes),
            String.format(
                Locale.ROOT,
                "median ratio 10 000 / 50: %.2f",
                percentile(hugeTimes, 50) / percentile(smallTimes, 50)));
    System.out.println(report);
    Path out = Path.of("target", "benchmarks", "note-list.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + System.lineSeparator());
  }

  private static double time(Browser browser, String path) {
    long start = System.nanoTime();
    Page page = browser.get(path);
    double millis = (System.nanoTime() - start) / 1e6;
    assertEquals(200, page.status());
    return millis;
  }

  private static String line(String what, List<Double> times) {
    return String.format(
        Locale.ROOT,
        "%-16s median %6.2f ms   p95 %6.2f ms   max %6.2f ms",
        what,
        percentile(times, 50),
        percentile(times, 95),
        percentile(times, 100));
  }

  private static double percentile(List<Double> times, int p) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /** Inserts {@code count} notes (a multiple of 50) into the pad of the account {@code email}. */
  private static void seed(String email, long padId, int count) throws SQLException {
    try (Connection c = Database.connect()) {
      SeededNotes.insert(c, SeededNotes.ownerId(c, email), padId, count);
      try (Statement s = c.createStatement()) {
        s.execute("analyze notes");
      }
    }
  }
}
