package net.notejam.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotePageTest {

  @Test
  void anEmptyListHasOnePage() {
    assertEquals(1, NotePage.pageCount(0, 50));
    NotePage empty = new NotePage(List.of(), 0, 1, 50, NoteOrder.DEFAULT);
    assertFalse(empty.hasPrevious());
    assertFalse(empty.hasNext());
  }

  @Test
  void aPartPageCountsAsAPage() {
    assertEquals(1, NotePage.pageCount(50, 50));
    assertEquals(2, NotePage.pageCount(51, 50));
    assertEquals(3, NotePage.pageCount(101, 50));
  }

  @Test
  void theRequestedPageIsClampedToTheList() {
    assertEquals(1, NotePage.clamp(0, 120, 50));
    assertEquals(1, NotePage.clamp(-3, 120, 50));
    assertEquals(2, NotePage.clamp(2, 120, 50));
    assertEquals(3, NotePage.clamp(99, 120, 50));
    assertEquals(1, NotePage.clamp(5, 0, 50));
  }

  @Test
  void aMiddlePageHasNeighboursOnBothSides() {
    NotePage middle = new NotePage(List.of(), 120, 2, 50, NoteOrder.DEFAULT);
    assertTrue(middle.hasPrevious());
    assertTrue(middle.hasNext());
    assertFalse(new NotePage(List.of(), 120, 3, 50, NoteOrder.DEFAULT).hasNext());
  }

  @Test
  void unknownOrdersFallBackToNewestFirst() {
    assertEquals(NoteOrder.NAME_DESC, NoteOrder.fromParameter("-name"));
    assertEquals(NoteOrder.UPDATED_DESC, NoteOrder.fromParameter("bogus"));
    assertEquals(NoteOrder.UPDATED_DESC, NoteOrder.fromParameter(null));
  }
}
