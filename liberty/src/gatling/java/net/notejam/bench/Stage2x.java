package net.notejam.bench;

/** Stage 2×: 2 times the baseline concurrency. */
public class Stage2x extends NotejamLoad {
  public Stage2x() {
    super(2);
  }
}
