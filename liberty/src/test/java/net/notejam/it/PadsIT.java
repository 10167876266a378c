package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/** Notejam's pad cases, through the pages, for the owner and against everyone else. */
class PadsIT {

  private final Browser owner = Accounts.signedInUser(Accounts.newEmail());

  @Test
  void padCreatedAndListedInMyPads() {
    Page page = owner.submit(owner.get("/pads/create/"), "pad", Map.of("name", "Business"), "save");

    assertTrue(page.path().matches("/pads/[0-9]+/"), page.path());
    assertEquals(List.of("Pad is successfully created"), page.successes());
    assertEquals("Business (0)", page.title());
    assertEquals(List.of("Business"), page.document().select(".sidebar ul.pads a").eachText());
  }

  @Test
  void padNotCreatedWithMissingName() {
    Page page = owner.submit(owner.get("/pads/create/"), "pad", Map.of("name", " "), "save");

    assertEquals("/pads/create/", page.path());
    assertEquals("This field is required", page.fieldError("pad", "name"));
    assertTrue(page.document().select(".sidebar ul.pads a").isEmpty());
  }

  @Test
  void padNotCreatedByAVisitor() {
    assertEquals("/signin/", new Browser().get("/pads/create/").path());
  }

  @Test
  void padEditedByOwner() {
    long pad = Notejam.createPad(owner, "Sport");

    Page form = owner.get("/pads/" + pad + "/edit/");
    assertEquals("Sport", form.document().getElementById("pad:name").attr("value"));
    Page page = owner.submit(form, "pad", Map.of("name", "Sports"), "save");

    assertEquals("/pads/" + pad + "/", page.path());
    assertEquals(List.of("Pad is successfully updated"), page.successes());
    assertEquals("Sports (0)", page.title());
  }

  @Test
  void aFormPostedIntoAnotherSessionChangesNothing() {
    // The form carries the owner's sign-in's form token, not the other's, as a forged cross-site
    // post would (someone else's form) or a form left open past its sign-in.
    Page ownersForm = owner.get("/pads/create/");
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    Page refused = other.submit(ownersForm, "pad", Map.of("name", "Forged"), "save");

    assertEquals(403, refused.status());
    assertEquals("Please try again", refused.title(), refused.body());
    assertEquals(List.of(), other.get("/").document().select(".sidebar ul.pads a").eachText());
    assertEquals(List.of(), owner.get("/").document().select(".sidebar ul.pads a").eachText());
  }

  @Test
  void aPadRenamedInAnotherTabIsNotOverwrittenSilently() {
    long pad = Notejam.createPad(owner, "Shared");
    Page firstTab = owner.get("/pads/" + pad + "/edit/");
    Page secondTab = owner.get("/pads/" + pad + "/edit/");

    owner.submit(firstTab, "pad", Map.of("name", "From the first tab"), "save");
    Page conflict = owner.submit(secondTab, "pad", Map.of("name", "From the second tab"), "save");

    assertTrue(conflict.errors().get(0).startsWith("This pad was changed elsewhere"));
    assertEquals(
        "From the first tab", conflict.document().getElementById("pad:name").attr("value"));
    assertEquals("From the first tab (0)", owner.get("/pads/" + pad + "/").title());
  }

  @Test
  void padNotEditedWithMissingName() {
    long pad = Notejam.createPad(owner, "Kids");

    Page page =
        owner.submit(owner.get("/pads/" + pad + "/edit/"), "pad", Map.of("name", ""), "save");

    assertEquals("/pads/" + pad + "/edit/", page.path());
    assertEquals("This field is required", page.fieldError("pad", "name"));
    assertEquals("Kids (0)", owner.get("/pads/" + pad + "/").title());
  }

  @Test
  void padNotEditedByAnotherUser() {
    long pad = Notejam.createPad(owner, "Mine");
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    assertEquals(404, other.get("/pads/" + pad + "/edit/").status());
    long othersPad = Notejam.createPad(other, "Theirs");
    Page tampered =
        other.submitTo(
            other.get("/pads/" + othersPad + "/edit/"),
            "pad",
            Map.of("name", "Hacked"),
            "save",
            "/pads/" + pad + "/edit/");

    assertEquals(404, tampered.status());
    assertEquals("Mine (0)", owner.get("/pads/" + pad + "/").title());
  }

  @Test
  void padViewedByOwnerWithItsNotesOnly() {
    long trips = Notejam.createPad(owner, "Trips");
    long work = Notejam.createPad(owner, "Work");
    Notejam.createdNote(owner, "Legoland", "fun", trips);
    Notejam.createdNote(owner, "Report", "due", work);
    Notejam.createdNote(owner, "Loose", "note", null);

    Page page = owner.get("/pads/" + trips + "/");

    assertEquals("Trips (1)", page.title());
    assertEquals(List.of("Legoland"), Notejam.noteNames(page));
    assertTrue(page.document().select("table.notes th.pad").isEmpty(), "no Pad column in a pad");
    assertEquals(
        "/notes/create/?pad=" + trips, page.document().selectFirst("a.button").attr("href"));
  }

  @Test
  void padNotViewedByAnotherUser() {
    long pad = Notejam.createPad(owner, "Diary");
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    Page page = other.get("/pads/" + pad + "/");

    assertEquals(404, page.status());
    assertEquals("Page not found", page.title());
  }

  @Test
  void padDeletedByOwnerWithItsNotes() {
    long pad = Notejam.createPad(owner, "Temporary");
    long inPad = Notejam.createdNote(owner, "Goes", "away", pad);
    long outside = Notejam.createdNote(owner, "Stays", "here", null);

    Page confirm = owner.get("/pads/" + pad + "/delete/");
    assertEquals(200, confirm.status());
    Page page = owner.submit(confirm, "delete", Map.of(), "confirm");

    assertEquals("/", page.path());
    assertEquals(List.of("Pad is successfully deleted"), page.successes());
    assertEquals(List.of("Stays"), Notejam.noteNames(page));
    assertEquals(404, owner.get("/pads/" + pad + "/").status());
    assertEquals(404, owner.get("/notes/" + inPad + "/").status());
    assertEquals(200, owner.get("/notes/" + outside + "/").status());
  }

  @Test
  void padNotDeletedByAnotherUser() {
    long pad = Notejam.createPad(owner, "Keep");
    Notejam.createdNote(owner, "Kept", "note", pad);
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    assertEquals(404, other.get("/pads/" + pad + "/delete/").status());
    long othersPad = Notejam.createPad(other, "Theirs");
    Page tampered =
        other.submitTo(
            other.get("/pads/" + othersPad + "/delete/"),
            "delete",
            Map.of(),
            "confirm",
            "/pads/" + pad + "/delete/");

    assertEquals(404, tampered.status());
    assertEquals("Keep (1)", owner.get("/pads/" + pad + "/").title());
  }
}
