package net.notejam.bench;

import java.nio.file.Path;

/** The benchmark's settings, passed by the Maven profile "benchmark" as system properties. */
final class Settings {

  static final String URL = System.getProperty("notejam.bench.url", "http://localhost:9082");

  /** The benchmark server's /health and /metrics, on their own port. */
  static final String MANAGEMENT_URL =
      System.getProperty("notejam.bench.management.url", "http://localhost:9092");

  static final String DB = System.getProperty("notejam.bench.db", "notejam_bench");
  static final Path OUT = Path.of(System.getProperty("notejam.bench.out", "target/benchmarks"));

  /** The baseline concurrency: the stages run 1, 2 and 4 times this many virtual users. */
  static final int BASE_USERS = Integer.getInteger("notejam.bench.baseUsers", 8);

  /** How long each stage's virtual users keep browsing after signing in. */
  static final int STAGE_SECONDS = Integer.getInteger("notejam.bench.stageSeconds", 40);

  /** The unmeasured warm-up before the 1x stage, at the baseline concurrency. */
  static final int WARMUP_SECONDS = Integer.getInteger("notejam.bench.warmupSeconds", 20);

  /** Virtual users start spread over this many seconds (each signs in once, at its start). */
  static final int RAMP_SECONDS = 5;

  /** A person's pause between two pages, uniformly between these (milliseconds). */
  static final int THINK_MIN_MS = 200;

  static final int THINK_MAX_MS = 800;

  /** The wrk measurement: closed loop, this many connections kept open by this many threads. */
  static final int WRK_CONNECTIONS = 16;

  static final int WRK_THREADS = 2;

  /** Each endpoint: an unmeasured wrk run of this many seconds, then a measured one as long. */
  static final int WRK_SECONDS = Integer.getInteger("notejam.bench.wrkSeconds", 10);

  /** wrk's Lua script that counts every answer that is not a 2xx (wrk counts only >= 400). */
  static final Path WRK_SCRIPT =
      Path.of(System.getProperty("notejam.bench.wrkScript", "benchmark/wrk-status.lua"));

  private Settings() {}
}
