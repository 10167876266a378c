package net.notejam.web.trash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import net.notejam.web.trash.TrashPage.Item;
import org.junit.jupiter.api.Test;

class TrashPageTest {

  @Test
  void aButtonsItemIsANoteOrAPadWithAnId() {
    assertEquals(Optional.of(new Item(false, 12)), Item.of("note-12"));
    assertEquals(Optional.of(new Item(true, 3)), Item.of("pad-3"));
    assertEquals(
        Optional.of(new Item(false, 123456789012345678L)), Item.of("note-123456789012345678"));
  }

  @Test
  void anythingElseNamesNoItem() {
    Arrays.asList(
            null,
            "",
            "note-",
            "note-abc",
            "note--1",
            "note-1.5",
            "note-1234567890123456789",
            "note-12 ",
            " pad-3",
            "NOTE-12",
            "user-1",
            "note-12&pad-3")
        .forEach(key -> assertTrue(Item.of(key).isEmpty(), String.valueOf(key)));
  }
}
