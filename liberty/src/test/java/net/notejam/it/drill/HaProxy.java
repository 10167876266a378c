package net.notejam.it.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's haproxy on loopback in front of Notejam instances, playing the load balancer: round
 * robin, not sticky (as the ALB: any instance serves any request, so one user's requests alternate
 * between them), health checks on /health/ready, and a runtime socket to take a server out of
 * rotation before it stops (as Kubernetes removes a terminating pod's endpoint).
 */
final class HaProxy implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/haproxy");

  final URI url;
  private final Path socket;
  private final Process process;

  private HaProxy(URI url, Path socket, Process process) {
    this.url = url;
    this.socket = socket;
    this.process = process;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  static HaProxy start(Path dir, int port, List<LibertyInstance> servers)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path socket = dir.resolve("haproxy.sock").toAbsolutePath();
    Files.deleteIfExists(socket);
    StringBuilder config =
        new StringBuilder(
            String.join(
                "\n",
                "global",
                "  stats socket " + socket + " mode 600 level admin",
                "defaults",
                "  mode http",
                "  timeout connect 2s",
                "  timeout client 60s",
                "  timeout server 30s",
                "  option httpclose",
                "  retries 3",
                "  option redispatch",
                "  retry-on conn-failure empty-response",
                "frontend notejam",
                "  bind 127.0.0.1:" + port,
                "  default_backend liberty",
                "backend liberty",
                "  balance roundrobin",
                "  option httpchk GET /health/ready",
                "  timeout check 3s",
                "  default-server inter 1s fall 2 rise 2",
                ""));
    for (LibertyInstance server : servers) {
      config
          .append("  server ")
          .append(server.name)
          .append(" 127.0.0.1:")
          .append(server.port)
          .append(" check port ")
          .append(server.managementPort)
          .append('\n');
    }
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, config.toString());
    Process process =
        new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    for (int i = 0; i < 50 && !Files.exists(socket); i++) {
      Thread.sleep(100);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "haproxy did not start: " + Files.readString(dir.resolve("haproxy.log")));
    }
    HaProxy haproxy = new HaProxy(URI.create("http://127.0.0.1:" + port), socket, process);
    for (LibertyInstance server : servers) {
      haproxy.awaitUp(server);
    }
    return haproxy;
  }

  /** Waits until {@code server} has passed its health checks and takes traffic. */
  void awaitUp(LibertyInstance server) throws InterruptedException {
    Drills.await(
        () -> status(server).equals("UP"), Duration.ofSeconds(30), server.name + " UP in haproxy");
  }

  /** The server's state in haproxy's statistics: UP, DOWN, MAINT, "UP 1/2" while rising... */
  private String status(LibertyInstance server) {
    try {
      for (String line : command("show stat").split("\n")) {
        String[] fields = line.split(",", -1);
        // CSV: proxy name, server name, ... and the status in the 18th column.
        if (fields.length > 17 && fields[0].equals("liberty") && fields[1].equals(server.name)) {
          return fields[17];
        }
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes a server out of rotation: no new requests, also none from its sticky users. */
  void takeOut(LibertyInstance server) throws IOException {
    command("set server liberty/" + server.name + " state maint");
  }

  /** Puts a server back; it takes traffic once its health check passes. */
  void putBack(LibertyInstance server) throws IOException {
    command("set server liberty/" + server.name + " state ready");
  }

  String command(String line) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer answer = ByteBuffer.allocate(8192);
      StringBuilder out = new StringBuilder();
      while (channel.read(answer) > 0) {
        answer.flip();
        out.append(StandardCharsets.US_ASCII.decode(answer));
        answer.clear();
      }
      return out.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
