package net.notejam.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The behaviour that lives on the entities, without a database. */
class EntitiesTest {

  private final User owner = user(1, "owner@example.com");
  private final User other = user(2, "other@example.com");

  @Test
  void aNoteMovesToAPadOfItsOwnerOrToNone() {
    Pad work = new Pad(owner, "Work");
    Note note = new Note(owner, null, "Report", "due");

    note.moveTo(work);
    assertSame(work, note.getPad());
    note.moveTo(null);
    assertNull(note.getPad());
  }

  @Test
  void aNoteIsNotPutInAnotherUsersPad() {
    Note note = new Note(owner, null, "Report", "due");
    Pad theirs = new Pad(other, "Theirs");

    assertThrows(IllegalArgumentException.class, () -> note.moveTo(theirs));
    assertThrows(IllegalArgumentException.class, () -> new Note(owner, theirs, "x", "y"));
    assertNull(note.getPad());
  }

  @Test
  void emailsAreKeptWithoutCaseOrSurroundingBlanks() {
    assertEquals("zoë@example.com", User.normalizeEmail("  Zoë@Example.COM "));
    assertEquals("zoë@example.com", new User(" Zoë@Example.com", "hash").getEmail());
  }

  @Test
  void aResetLinkIsUsableUntilItExpires() {
    Instant created = Instant.parse("2024-05-01T10:00:00Z");
    PasswordResetToken link =
        new PasswordResetToken(owner, "hash", created, created.plus(Duration.ofHours(1)));

    assertTrue(link.isUsableAt(created.plusSeconds(3599)));
    assertFalse(link.isUsableAt(created.plusSeconds(3600)));
  }

  private static User user(long id, String email) {
    User user = new User(email, "hash");
    try {
      Field field = User.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(user, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return user;
  }
}
