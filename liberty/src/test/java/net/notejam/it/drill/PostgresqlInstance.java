package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL 15 instance of a drill's own, in a directory of its own on a port of its own, beside
 * (never instead of) the one the other tests share: initdb, pg_ctl and pg_basebackup from Debian's
 * PostgreSQL 15, run as the {@code postgres} OS user when the tests run as root (as in CI), local
 * connections trusted, its socket in its own directory.
 */
final class PostgresqlInstance {

  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  final Path dataDir;
  final int port;

  private PostgresqlInstance(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /** The server binaries, psql for the scripts, and runuser with a postgres user when root. */
  static boolean installed() {
    boolean binaries =
        List.of("initdb", "pg_ctl", "pg_basebackup").stream()
            .allMatch(b -> Files.isExecutable(BIN.resolve(b)));
    boolean runAs =
        !asRoot()
            || (Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && lines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:")));
    return binaries && Files.isExecutable(Path.of("/usr/bin/psql")) && runAs;
  }

  /**
   * A new cluster in {@code dataDir} on {@code port} (not started), with {@code settings} added to
   * its postgresql.conf. The directory around it must be the postgres user's ({@link #own}).
   */
  static PostgresqlInstance init(Path dataDir, int port, String... settings)
      throws IOException, InterruptedException {
    asPostgres(
        BIN.resolve("initdb").toString(),
        "--pgdata=" + dataDir,
        "--username=postgres",
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
        "--no-instructions");
    PostgresqlInstance instance = new PostgresqlInstance(dataDir, port);
    instance.configure(settings);
    return instance;
  }

  /** A base backup of this running instance into {@code dataDir}: another instance, not started. */
  PostgresqlInstance baseBackup(Path dataDir, int port) throws IOException, InterruptedException {
    asPostgres(
        BIN.resolve("pg_basebackup").toString(),
        "--host=127.0.0.1",
        "--port=" + this.port,
        "--username=postgres",
        "--pgdata=" + dataDir,
        "--wal-method=stream",
        "--checkpoint=fast",
        "--no-sync");
    return new PostgresqlInstance(dataDir, port);
  }

  /**
   * Adds settings to postgresql.conf, after what is there (the last one of a name wins), with the
   * port and the socket directory that keep this instance apart.
   */
  void configure(String... settings) throws IOException {
    List<String> lines = new ArrayList<>(List.of(settings));
    lines.add("port = " + port);
    lines.add("listen_addresses = '127.0.0.1'");
    lines.add("unix_socket_directories = '" + dataDir.getParent() + "'");
    Files.write(dataDir.resolve("postgresql.conf"), lines, StandardOpenOption.APPEND);
  }

  /** Starts it and waits until it accepts connections (in recovery: read-only ones). */
  void start() throws IOException, InterruptedException {
    asPostgres(pgCtl("start", "--wait", "--timeout=120", "--log=" + log()));
  }

  /** Stops it at once, if it runs; for the finally blocks. */
  void stopIfRunning() {
    try {
      asPostgres(pgCtl("stop", "--mode=immediate", "--wait"));
    } catch (IOException | InterruptedException | AssertionError e) {
      // Not running, or gone with its directory: nothing to stop.
    }
  }

  Path log() {
    return dataDir.getParent().resolve(dataDir.getFileName() + ".log");
  }

  String logTail() {
    List<String> lines = lines(log());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  Connection connect(String database, String user) throws SQLException {
    return DriverManager.getConnection(url(database), user, "");
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Gives {@code dir} and what is in it to the postgres user, when the tests run as root. */
  static void own(Path dir) throws IOException, InterruptedException {
    if (asRoot()) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
    }
  }

  private String[] pgCtl(String action, String... options) {
    List<String> command =
        new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), action, "--pgdata=" + dataDir));
    command.addAll(List.of(options));
    return command.toArray(String[]::new);
  }

  /** Runs a server command, as the postgres user when root (PostgreSQL refuses to run as root). */
  private static void asPostgres(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
