package net.notejam.bench;

/**
 * Not measured: the baseline load for a short while on the freshly started server, so that the 1×
 * stage does not carry the JIT compiler's and the connection pool's warm-up alone.
 */
public class Warmup extends NotejamLoad {
  public Warmup() {
    super("warm-up", 1, Settings.WARMUP_SECONDS);
  }
}
