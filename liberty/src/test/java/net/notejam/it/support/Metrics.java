package net.notejam.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values off a Prometheus text scrape of /metrics. */
public final class Metrics {

  private final String text;

  private Metrics(String text) {
    this.text = text;
  }

  public static Metrics scrape() {
    Page page = Browser.management().get("/metrics");
    if (page.status() != 200) {
      throw new AssertionError("/metrics answered " + page.status());
    }
    return new Metrics(page.body());
  }

  /**
   * The value of the series {@code name} whose labels include all of {@code labels} (such as {@code
   * result="failure"}); 0 when there is none yet (counters appear on first use).
   */
  public double value(String name, String... labels) {
    // Label values may hold braces (page="/notes/{id}/"): the label set ends at the last "} ".
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$").matcher(text);
    while (m.find()) {
      String present = m.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= present.contains(label);
      }
      if (all) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  /** True when some series of this metric name is exposed. */
  public boolean has(String name) {
    return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(text).find();
  }

  public String text() {
    return text;
  }
}
