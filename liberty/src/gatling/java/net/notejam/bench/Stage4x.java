package net.notejam.bench;

/** Stage 4×: 4 times the baseline concurrency. */
public class Stage4x extends NotejamLoad {
  public Stage4x() {
    super(4);
  }
}
