package net.notejam.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The export of the 10 000-note account ({@code /settings/notes.zip}), downloaded once after the
 * wrk runs: how long it took, how big it was, how many files it held, and the server's heap in use
 * (from /metrics on the management port) and resident memory (VmRSS) before and after.
 */
final class Export {

  private static final Pattern USED_HEAP =
      Pattern.compile("^memory_usedHeap_bytes\\{[^}]*\\} ([0-9.E+-]+)$", Pattern.MULTILINE);

  private Export() {}

  static String measure(String cookie, String notes) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long heapBefore = usedHeap(client);
    long rssBefore = residentKilobytes();
    long start = System.nanoTime();
    HttpResponse<InputStream> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(Settings.URL + "/settings/notes.zip"))
                .header("Cookie", cookie)
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    int files = 0;
    try (ZipInputStream zip = new ZipInputStream(answer.body())) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files++;
        bytes += zip.transferTo(OutputStream.nullOutputStream());
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (answer.statusCode() != 200 || files == 0) {
      throw new IllegalStateException(
          "The export answered " + answer.statusCode() + " with " + files + " files");
    }
    long heapAfter = usedHeap(client);
    long rssAfter = residentKilobytes();
    return String.format(
        Locale.ROOT,
        "export of %s notes (/settings/notes.zip): %d ms, %d files, %.1f MiB unpacked; server heap"
            + " in use %d MiB before, %d MiB after; resident %s MiB before, %s MiB after",
        notes,
        millis,
        files,
        bytes / 1048576.0,
        heapBefore / 1048576,
        heapAfter / 1048576,
        rssBefore < 0 ? "?" : Long.toString(rssBefore / 1024),
        rssAfter < 0 ? "?" : Long.toString(rssAfter / 1024));
  }

  private static long usedHeap(HttpClient client) throws IOException, InterruptedException {
    String metrics =
        client
            .send(
                HttpRequest.newBuilder(URI.create(Settings.MANAGEMENT_URL + "/metrics?scope=base"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher used = USED_HEAP.matcher(metrics);
    if (!used.find()) {
      throw new IllegalStateException("No memory_usedHeap_bytes in /metrics");
    }
    return (long) Double.parseDouble(used.group(1));
  }

  /**
   * The benchmark server's VmRSS in kB (its pid from Liberty's pid file under $WLP); -1 if unknown.
   */
  private static long residentKilobytes() throws IOException {
    String wlp = System.getenv("WLP");
    Path pid = wlp == null ? null : Path.of(wlp, "usr", "servers", ".pid", "notejam-bench.pid");
    if (pid == null || !Files.exists(pid)) {
      return -1;
    }
    Path status = Path.of("/proc", Files.readString(pid).strip(), "status");
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElse(-1L);
  }
}
