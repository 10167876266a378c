package net.notejam.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.notejam.it.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's whole day with Notejam, in headless Chromium against the test server: every distinct
 * page is screenshotted at desktop and phone width (target/screenshots) and checked with axe-core,
 * for one h1, labelled fields, keyboard-reachable controls, requests to the app's origin only and
 * no Content Security Policy violation in Chromium's console.
 */
class BrowserJourneyIT {

  @RegisterExtension static final GreenMailExtension MAIL = TestMail.server();

  private static final String ORIGIN = System.getProperty("notejam.url", "http://localhost:9081");

  private HeadlessChromium chromium;
  private final Set<String> pages = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void startChromium() {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!HeadlessChromium.installed()) {
      if (ci) {
        fail(
            "CI must install chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
      }
      assumeTrue(
          false,
          "Browser journey skipped: no Chromium here. Install Debian's chromium and"
              + " chromium-driver to run it (CI always does).");
    }
    chromium =
        new HeadlessChromium(
            ORIGIN, Path.of(System.getProperty("notejam.screenshots", "target/screenshots")));
  }

  @AfterEach
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aPersonsWholeDay() throws Exception {
    try {
      journey();
    } catch (Throwable failure) {
      // Leave what the browser showed next to the screenshots, to see why.
      chromium.screenshot("failure");
      java.nio.file.Files.writeString(
          Path.of(System.getProperty("notejam.screenshots", "target/screenshots"), "failure.html"),
          chromium.driver.getPageSource());
      throw failure;
    }
  }

  private void journey() throws Exception {
    long started = System.nanoTime();
    String email = "journey-" + UUID.randomUUID() + "@example.com";
    String first = "first password 1";
    String second = "second password 2";
    String third = "third password 3";

    // The console check sees a violation: an inline script planted in a page is refused, reported.
    chromium.open("/signup/");
    chromium.js(
        "const s = document.createElement('script');"
            + " s.textContent = 'window.planted = true;'; document.head.appendChild(s);");
    assertEquals(null, chromium.js("return window.planted;"), "the policy refuses inline script");
    List<String> planted = chromium.contentSecurityPolicyViolations();
    assertEquals(1, planted.size(), "the planted inline script is reported: " + planted);

    // Sign up, sign in (submitting with the Enter key: the keyboard works).
    chromium.open("/signup/");
    check("signup");
    fill("signup:email", email);
    fill("signup:password", first);
    fill("signup:repeatPassword", first);
    click("signup:submit");
    assertEquals("/signin/", chromium.path());
    assertEquals("Account is created. Now you can sign in.", success());
    check("signin");
    fill("signin:email", email);
    fill("signin:password", first);
    whenNextPageLoaded(
        () -> chromium.driver.findElement(By.id("signin:password")).sendKeys(Keys.ENTER));
    assertEquals("/", chromium.path());
    assertEquals("All notes (0)", title());
    check("all-notes-empty");

    // Two pads, notes in each and one without a pad.
    long work = createPad("Work", true);
    long home = createPad("Home", false);
    link("Create your first note");
    assertEquals("Home", new Select(byId("note:pad")).getFirstSelectedOption().getText());
    createNote("Groceries", "Milk\nBread", null, false);
    chromium.open("/pads/" + work + "/");
    link("Create your first note");
    check("note-new");
    createNote("Report", "First line\nSecond line with <b>markup</b>", null, false);
    chromium.open("/pads/" + work + "/");
    link("New note");
    createNote("Budget", "Numbers", null, false);
    chromium.open("/");
    link("New note");
    createNote("Loose idea", "No pad for this one", "No pad", false);
    assertEquals("/", chromium.path());
    assertEquals("All notes (4)", title());
    check("all-notes");

    // Sort each list both ways by clicking the arrows.
    sortAndCheck(
        "/",
        List.of("Budget", "Groceries", "Loose idea", "Report"),
        List.of("Groceries", "Report", "Budget", "Loose idea"));
    sortAndCheck("/pads/" + work + "/", List.of("Budget", "Report"), List.of("Report", "Budget"));
    check("pad");

    // Open, edit and move a note to the other pad.
    chromium.open("/pads/" + work + "/");
    link("Report");
    check("note");
    assertEquals(
        "First line\nSecond line with <b>markup</b>",
        chromium.driver.findElement(By.cssSelector(".note-text")).getText());
    link("Edit");
    check("note-edit");
    fill("note:text", "Moved home, rewritten");
    new Select(byId("note:pad")).selectByVisibleText("Home");
    click("note:save");
    assertEquals("/pads/" + home + "/", chromium.path());
    assertEquals("Note is successfully updated", success());
    assertEquals(List.of("Groceries", "Report"), sorted(noteNames()));

    // Delete a note, then a pad with its notes.
    chromium.open("/");
    link("Loose idea");
    link("Delete it");
    check("note-delete");
    click("delete:confirm");
    assertEquals("Note is successfully deleted", success());
    assertEquals("All notes (3)", title());
    chromium.open("/pads/" + home + "/");
    link("Pad settings");
    check("pad-edit");
    link("Delete pad");
    check("pad-delete");
    click("delete:confirm");
    assertEquals("/", chromium.path());
    assertEquals("Pad is successfully deleted", success());
    assertEquals(List.of("Budget"), noteNames());

    // Both are in the trash (linked from the side column); the pad comes back with its notes.
    link("Trash");
    assertEquals("Trash (2)", title());
    check("trash");
    click(trashButton("pad-" + home, "restore"));
    assertEquals("/trash/", chromium.path());
    assertEquals("Pad is successfully restored", success());
    assertEquals("Trash (1)", title());
    chromium.open("/pads/" + home + "/");
    assertEquals(List.of("Groceries", "Report"), sorted(noteNames()));

    // Search from the side column: the note found by a word of its name, its pad shown.
    WebElement words = byId("search-words");
    words.sendKeys("groceries");
    whenNextPageLoaded(() -> words.sendKeys(Keys.ENTER));
    assertEquals("/search/", chromium.path());
    assertEquals("Search (1)", title());
    assertEquals(List.of("Groceries"), noteNames());
    check("search");

    // "Download my notes" on the settings page answers a zip of them, in this session.
    link("Account settings");
    assertEquals(
        "200 application/zip PK",
        chromium.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + " fetch(document.querySelector('a.export-link').href)"
                + ".then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('Content-Type') + ' '"
                + " + String.fromCharCode(...new Uint8Array(b).slice(0, 2)))))"
                + ".catch(e => done(String(e)));"),
        "the export link's answer");

    // Change the password, sign out, sign in with the new one.
    link("Account settings");
    check("settings");
    fill("settings:oldPassword", first);
    fill("settings:newPassword", second);
    fill("settings:repeatPassword", second);
    click("settings:save");
    assertEquals("Your password is successfully changed.", success());
    link("Sign out");
    assertEquals("/signin/", chromium.path());
    signIn(email, second);
    assertEquals("/", chromium.path());

    // Forgot the password: the mail arrives, its link sets a new one.
    link("Sign out");
    link("Forgot password?");
    check("forgot-password");
    fill("forgot:email", email);
    click("forgot:send");
    assertTrue(success().startsWith("If this address has an account"));
    String resetLink = mailedLink(email);
    chromium.open(resetLink);
    check("reset-password");
    fill("reset:newPassword", third);
    fill("reset:repeatPassword", third);
    click("reset:save");
    assertEquals("/signin/", chromium.path());
    signIn(email, third);
    assertEquals(
        email + ":", chromium.driver.findElement(By.cssSelector(".account-email")).getText());
    chromium.open(resetLink);
    check("reset-password-used");

    // Another person cannot reach the first one's pad by typing its URL.
    link("Sign out");
    String other = "other-" + UUID.randomUUID() + "@example.com";
    chromium.open("/signup/");
    fill("signup:email", other);
    fill("signup:password", first);
    fill("signup:repeatPassword", first);
    click("signup:submit");
    signIn(other, first);
    chromium.open("/pads/" + work + "/");
    assertEquals("Page not found", title());
    assertFalse(chromium.driver.getPageSource().contains("Budget"));
    check("not-found");

    // The other person closes their account: signed out, told what becomes of the backups.
    chromium.open("/settings/");
    fill("close:password", first);
    click("close:close");
    assertEquals("/signin/", chromium.path());
    assertTrue(success().startsWith("Your account is closed"), success());
    check("account-closed");
    chromium.open("/");
    assertEquals("/signin/", chromium.path(), "the closed account's session is gone");

    System.out.printf(
        "Browser journey: %d pages checked and screenshotted at %dpx and %dpx in %.1f s: %s%n",
        pages.size(),
        HeadlessChromium.DESKTOP.getWidth(),
        HeadlessChromium.PHONE.getWidth(),
        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0,
        String.join(", ", pages));
    cspViolations("after the last page");
    assertEquals(List.of(), problems, "accessibility, structure, origin and CSP problems");
  }

  /** The id of the trash page's {@code button} ("restore", "delete") for item {@code key}. */
  private String trashButton(String key, String button) {
    return chromium
            .driver
            .findElement(By.xpath("//input[@name='item'][@value='" + key + "']/.."))
            .getAttribute("id")
        + ":"
        + button;
  }

  /** Screenshots the page at both widths and records every problem the checks find. */
  private void check(String name) {
    pages.add(name);
    cspViolations(name);
    for (String v : chromium.accessibilityViolations()) {
      problems.add(name + ": axe " + v);
    }
    for (String p : chromium.structureProblems()) {
      problems.add(name + ": " + p);
    }
    for (String url : chromium.foreignRequests()) {
      problems.add(name + ": request outside the app: " + url);
    }
    String phone = chromium.screenshot(name);
    if (!phone.isEmpty()) {
      problems.add(name + ": " + phone);
    }
  }

  /** Records the CSP violations reported since the last look (on this page or those before it). */
  private void cspViolations(String name) {
    for (String v : chromium.contentSecurityPolicyViolations()) {
      problems.add(name + " (or a page before it): CSP " + v);
    }
  }

  private long createPad(String name, boolean screenshot) {
    link("New pad");
    if (screenshot) {
      check("pad-new");
    }
    fill("pad:name", name);
    click("pad:save");
    assertEquals("Pad is successfully created", success());
    assertEquals(name + " (0)", title());
    if (screenshot) {
      check("pad-empty");
    }
    String path = chromium.path();
    return Long.parseLong(path.replaceAll("[^0-9]", ""));
  }

  private void createNote(String name, String text, String pad, boolean screenshot) {
    fill("note:name", name);
    fill("note:text", text);
    if (pad != null) {
      new Select(byId("note:pad")).selectByVisibleText(pad);
    }
    click("note:save");
    assertEquals("Note is successfully created", success());
  }

  /** Clicks each of the four arrows of a list and checks the order and the highlighted arrow. */
  private void sortAndCheck(String list, List<String> byName, List<String> byAge) {
    chromium.open(list);
    for (String order : List.of("name", "-name", "updated_at", "-updated_at")) {
      clickAndWait(
          chromium.driver.findElement(By.cssSelector("a.sort[href$='?order=" + order + "']")));
      WebElement active = chromium.driver.findElement(By.cssSelector("a.sort.active"));
      assertTrue(active.getAttribute("href").endsWith("?order=" + order), order);
      List<String> expected = new ArrayList<>(order.endsWith("name") ? byName : byAge);
      if (order.startsWith("-")) {
        Collections.reverse(expected);
      }
      assertEquals(expected, noteNames(), list + "?order=" + order);
    }
  }

  private List<String> noteNames() {
    return chromium.driver.findElements(By.cssSelector("table.notes td.note a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }

  private void signIn(String email, String password) {
    chromium.open("/signin/");
    fill("signin:email", email);
    fill("signin:password", password);
    click("signin:submit");
  }

  private String mailedLink(String address) throws Exception {
    List<MimeMessage> mails = TestMail.await(MAIL, address, 1);
    assertEquals(1, mails.size(), "one reset mail to " + address);
    return TestMail.resetLink(mails.get(0));
  }

  private WebElement byId(String id) {
    return chromium.driver.findElement(By.id(id));
  }

  private void fill(String id, String value) {
    WebElement field = byId(id);
    field.clear();
    field.sendKeys(value);
  }

  private void click(String id) {
    clickAndWait(byId(id));
  }

  private void link(String text) {
    clickAndWait(chromium.driver.findElement(By.linkText(text)));
  }

  /**
   * Clicks something that loads a new page, and waits until the new document has loaded: the old
   * one is marked first, so that nothing is read off it by mistake.
   */
  private void clickAndWait(WebElement element) {
    whenNextPageLoaded(element::click);
  }

  private void whenNextPageLoaded(Runnable action) {
    chromium.js("window.notejamOldPage = true;");
    action.run();
    new WebDriverWait(chromium.driver, Duration.ofSeconds(15))
        .until(
            d ->
                (Boolean)
                    chromium.js(
                        "return !window.notejamOldPage && document.readyState === 'complete';"));
  }

  private String title() {
    return chromium.driver.findElement(By.cssSelector("h1 .page-title")).getText();
  }

  private String success() {
    return chromium.driver.findElement(By.cssSelector(".alert-success")).getText();
  }
}
