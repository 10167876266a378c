package net.notejam.it.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One more Notejam server for a drill: a copy of the integration-test server (same config, same
 * application, same database settings from the environment) under its own name and port, started
 * and stopped with Liberty's own {@code server} script, as an operator would. Its /health and
 * /metrics are on {@link #management}, port + 1000.
 */
final class LibertyInstance {

  private static final Path SERVERS =
      Path.of(System.getProperty("notejam.wlp", "target/liberty/wlp")).resolve("usr/servers");

  /** Run-time state of the copied server, not its configuration. */
  private static final List<String> NOT_COPIED = List.of("logs", "workarea", "data", "tranlog");

  final String name;
  final int port;
  final URI url;
  final int managementPort;
  final URI management;

  private LibertyInstance(String name, int port) {
    this.name = name;
    this.port = port;
    this.url = URI.create("http://localhost:" + port);
    this.managementPort = port + 1000;
    this.management = URI.create("http://localhost:" + managementPort);
  }

  /**
   * A new server {@code name} on {@code port}, copied from the test server; {@code ltpaKeys}, when
   * not null, is the LTPA keys file it shares with other instances (sign-ins valid on all).
   */
  static LibertyInstance create(String name, int port, Path ltpaKeys) throws IOException {
    Path source = SERVERS.resolve("notejam-it");
    Path target = SERVERS.resolve(name);
    deleteRecursively(target);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = source.relativize(file);
        if (relative.toString().isEmpty()
            || NOT_COPIED.contains(relative.getName(0).toString())
            || file.getFileName().toString().equals("ltpa.keys")) {
          continue;
        }
        Path copy = target.resolve(relative);
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    StringBuilder bootstrap = new StringBuilder();
    for (String line : Files.readAllLines(source.resolve("bootstrap.properties"))) {
      if (!line.startsWith("http.port=") && !line.startsWith("management.port=")) {
        bootstrap.append(line).append('\n');
      }
    }
    bootstrap.append("http.port=").append(port).append('\n');
    bootstrap.append("management.port=").append(port + 1000).append('\n');
    if (ltpaKeys != null) {
      bootstrap.append("ltpa.keys.file=").append(ltpaKeys.toAbsolutePath()).append('\n');
    }
    Files.writeString(target.resolve("bootstrap.properties"), bootstrap.toString());
    return new LibertyInstance(name, port);
  }

  /**
   * Adds JVM options (such as {@code -Dnotejam.throttle.account.max-failures=3}) after the test
   * server's, which they override; before {@link #start}.
   */
  LibertyInstance withJvmOptions(String... options) throws IOException {
    Path file = SERVERS.resolve(name).resolve("jvm.options");
    String existing = Files.exists(file) ? Files.readString(file) : "";
    if (!existing.isEmpty() && !existing.endsWith("\n")) {
      existing += "\n";
    }
    Files.writeString(file, existing + String.join("\n", options) + "\n");
    return this;
  }

  /**
   * Accepts requests whose Host header names {@code proxyPort}: those passed on by a proxy in front
   * (haproxy) listening there; before {@link #start}.
   */
  LibertyInstance behindProxyOn(int proxyPort) throws IOException {
    Files.writeString(
        SERVERS.resolve(name).resolve("bootstrap.properties"),
        "public.port=" + proxyPort + "\n",
        StandardOpenOption.APPEND);
    return this;
  }

  /** Starts the server and waits until it is ready to take traffic; returns how long it took. */
  Duration start() throws IOException, InterruptedException {
    long begin = System.nanoTime();
    run("start");
    if (!awaitReadiness(200, Duration.ofSeconds(120))) {
      throw new IllegalStateException(name + " did not become ready");
    }
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /**
   * Liberty's graceful stop: new requests refused, those in flight finished, then exit. If that
   * takes more than 10 s, the threads still busy are dumped next to the drill's other files.
   */
  void stop() throws IOException, InterruptedException {
    long pid = Files.exists(pidFile()) ? pid() : -1;
    Process stop = start("stop");
    if (!stop.waitFor(10, TimeUnit.SECONDS) && pid > 0) {
      new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print")
          .redirectOutput(Path.of("target", "drills", name + "-slow-stop-threads.txt").toFile())
          .start()
          .waitFor();
    }
    finish(stop, "stop");
  }

  /** Stops the server if it runs, for clean-up: problems are reported, not thrown. */
  void stopQuietly() {
    try {
      run("stop");
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("clean-up of " + name + ": " + e.getMessage());
    }
  }

  private Path pidFile() {
    return SERVERS.resolve(".pid").resolve(name + ".pid");
  }

  /** The JVM's process id, from Liberty's pid file. */
  long pid() throws IOException {
    return Long.parseLong(Files.readString(pidFile()).strip());
  }

  /** Sends SIGTERM, as Kubernetes does at the end of a pod's preStop. */
  void terminate() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(pid())).inheritIO().start();
    kill.waitFor();
  }

  boolean awaitReadiness(int status, Duration timeout) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(management.resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == status) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet, or not any more
        if (status != 200) {
          return true;
        }
      }
      Thread.sleep(250);
    }
    return false;
  }

  private void run(String action) throws IOException, InterruptedException {
    finish(start(action), action);
  }

  /** Liberty's {@code server} script doing {@code action} to this server, its output to a file. */
  private Process start(String action) throws IOException {
    Path script = SERVERS.getParent().getParent().resolve("bin/server");
    ProcessBuilder builder = new ProcessBuilder(script.toString(), action, name);
    builder.redirectErrorStream(true);
    builder.redirectOutput(output(action).toFile());
    Map<String, String> env = builder.environment();
    env.remove("JAVA_TOOL_OPTIONS");
    return builder.start();
  }

  private void finish(Process process, String action) throws IOException, InterruptedException {
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "server "
              + action
              + " "
              + name
              + " exited "
              + exit
              + ": "
              + Files.readString(output(action)));
    }
  }

  private Path output(String action) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "drills"));
    return dir.resolve(name + "-server-" + action + ".txt");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
