package net.notejam.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: Selenium is given both paths,
 * so it downloads nothing. Also what every page is checked for: axe-core accessibility, one h1,
 * labelled fields, keyboard-reachable actions, no request outside the app's origin, and no Content
 * Security Policy violation (read from Chromium's console).
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(375, 812);

  final ChromeDriver driver;
  private final String origin;
  private final Path screenshots;
  private final String axeSource;

  HeadlessChromium(String origin, Path screenshots) {
    this.origin = origin;
    this.screenshots = screenshots;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-features=Translate,OptimizationHints,MediaRouter");
    // Chromium's console, where it reports what the Content Security Policy refused.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(DESKTOP);
    axeSource = axe();
  }

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  void open(String path) {
    driver.get(origin + path);
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs an asynchronous script: it calls its last argument with the result. */
  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /**
   * Saves the page at desktop width and at a phone's width, then goes back to desktop. Returns ""
   * or, when the page is wider than the phone's screen, a problem to report.
   */
  String screenshot(String name) {
    String problem = "";
    try {
      Files.createDirectories(screenshots);
      for (Map.Entry<String, Dimension> size :
          Map.of("desktop", DESKTOP, "phone", PHONE).entrySet()) {
        driver.manage().window().setSize(size.getValue());
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + "-" + size.getKey() + ".png"), png);
        if (size.getValue().equals(PHONE)
            && (Boolean)
                js("return document.documentElement.scrollWidth > window.innerWidth + 1;")) {
          problem = "wider than a phone's screen: scrolls sideways";
        }
      }
      driver.manage().window().setSize(DESKTOP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problem;
  }

  /** The serious and critical axe-core violations of the current page, as readable lines. */
  @SuppressWarnings("unchecked")
  List<String> accessibilityViolations() {
    js(axeSource);
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                    + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /** Every resource the page loaded (stylesheets, scripts, images) from another origin. */
  @SuppressWarnings("unchecked")
  List<String> foreignRequests() {
    return (List<String>)
        js(
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([location.href]).filter(u => !u.startsWith(arguments[0]));",
            origin + "/");
  }

  /**
   * The Content Security Policy violations Chromium reported in its console since the last call (on
   * any page loaded meanwhile, also before a script could listen for them).
   */
  List<String> contentSecurityPolicyViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  /** Page-structure problems: not exactly one h1, unlabelled fields, unreachable controls. */
  @SuppressWarnings("unchecked")
  List<String> structureProblems() {
    return (List<String>)
        js(
            "const problems = [];"
                + "const h1 = document.querySelectorAll('h1').length;"
                + "if (h1 !== 1) problems.push(h1 + ' h1 elements');"
                + "for (const f of document.querySelectorAll("
                + "  'input:not([type=hidden]):not([type=submit]), select, textarea')) {"
                + "  const labelled = (f.id && document.querySelector('label[for=\"' + CSS.escape(f.id) + '\"]'))"
                + "    || f.getAttribute('aria-label');"
                + "  if (!labelled) problems.push('no label for ' + (f.name || f.id));"
                + "}"
                + "for (const c of document.querySelectorAll('a, button, input, select, textarea')) {"
                + "  if (c.type === 'hidden') continue;"
                + "  if (c.tagName === 'A' && !c.hasAttribute('href')) problems.push('link without href: ' + c.textContent);"
                + "  if (c.tabIndex < 0) problems.push('not keyboard-reachable: ' + c.outerHTML.slice(0, 80));"
                + "}"
                + "return problems;");
  }

  private static String axe() {
    String resource =
        "META-INF/resources/webjars/axe-core/"
            + System.getProperty("axe.version", "4.6.3")
            + "/axe.min.js";
    try (InputStream in = HeadlessChromium.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("axe-core not on the test classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
