package net.notejam.bench;

/** Stage 1×: 1 times the baseline concurrency. */
public class Stage1x extends NotejamLoad {
  public Stage1x() {
    super(1);
  }
}
