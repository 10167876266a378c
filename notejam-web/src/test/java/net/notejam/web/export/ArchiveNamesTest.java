package net.notejam.web.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The export's file names: safe on every file system, and never the same twice in a folder. */
class ArchiveNamesTest {

  @Test
  void slashesControlCharactersAndWindowsCharactersBecomeUnderscores() {
    assertEquals("a_b_c", ArchiveNames.safe("a/b\\c"));
    assertEquals("tab_bell_", ArchiveNames.safe("tab\tbell\u0007"));
    assertEquals("what_ _x_ _y_", ArchiveNames.safe("what? *x* <y>"));
    assertEquals("C_ drive_ _pipe_", ArchiveNames.safe("C: drive| \"pipe\""));
  }

  @Test
  void leadingAndTrailingDotsAndSpacesGoAndNothingLeftIsUntitled() {
    assertEquals("secret", ArchiveNames.safe("..secret"));
    assertEquals("Untitled", ArchiveNames.safe(".."));
    assertEquals("Untitled", ArchiveNames.safe(" . "));
    assertEquals("_", ArchiveNames.safe("/.."), "no way up out of the folder");
    assertEquals("v1.2", ArchiveNames.safe("v1.2."));
    assertEquals("_nul", ArchiveNames.safe("NUL").toLowerCase());
  }

  @Test
  void namesInOneFolderAreUniqueRegardlessOfCase() {
    ArchiveNames names = new ArchiveNames();
    assertEquals("Plans/Trip.md", names.file("Plans", "Trip"));
    assertEquals("Plans/trip (2).md", names.file("Plans", "trip"));
    assertEquals("Plans/Trip (3).md", names.file("Plans", "Trip"));
    assertEquals("Other/Trip.md", names.file("Other", "Trip"), "another folder is separate");
  }

  @Test
  void aPadNamedLikeTheNoPadFolderGetsAFolderOfItsOwn() {
    ArchiveNames names = new ArchiveNames();
    assertEquals("No pad (2)", names.folder("No pad"));
    assertEquals("Work", names.folder("Work"));
    assertEquals("work (2)", names.folder("work"));
  }
}
