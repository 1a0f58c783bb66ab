package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.SearchIndexDamage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check [--repair]}, and the commands that meet a damaged search index. */
class CheckCommandTest extends CliTest {

  @Test
  void aSoundNotebookIsSound() {
    addSample();
    assertOut(ok("check")).contains("is sound");
  }

  @Test
  void aDamagedIndexIsToldApartFromADamagedNotebookAndRepaired() throws Exception {
    addSample();
    SearchIndexDamage.damage(notebook());

    Result check = refused("check");
    assertErr(check)
        .contains("search index")
        .contains("notes, talks and their history are fine")
        .contains("talkbook check --repair")
        .doesNotContain("backup");

    Result search = refused("search", "sqlite");
    assertErr(search)
        .contains("search index is damaged")
        .contains("notes themselves are fine")
        .contains("check --repair");

    Result repair = ok("check", "--repair");
    assertOut(repair).contains("Rebuilt the search index").contains("5 talks").contains("sound");
    assertOut(ok("search", "sqlite")).contains("SQLite everywhere");
    assertOut(ok("check")).contains("is sound");
  }

  @Test
  void exportAndEditWorkOnANotebookWithADamagedIndex() throws Exception {
    long event = addSample();
    SearchIndexDamage.damage(notebook());

    ok("export", "site", "--out", dir.resolve("site").toString());
    ok("export", "markdown", "--out", dir.resolve("md").toString());
    Path notes = Files.writeString(dir.resolve("n.md"), "wombats and quokkas\n");
    ok("talk", "edit", "1", "--notes-file", notes.toString());
    addTalk(event, "Wombat talk", "--notes-file", notes.toString());

    assertOut(ok("show", "1")).isEqualTo("wombats and quokkas\n");
    ok("check", "--repair");
    assertThat(ok("search", "wombats").out()).contains("Wombat talk");
    assertOut(ok("check")).contains("is sound");
  }

  @Test
  void aNotebookDamagedAtItsStartIsNotCalledForeignAndRepairSavesItsNotesIntoANewNotebook()
      throws Exception {
    addSample();
    String talksBefore = ok("talks").out();
    byte[] noise = new byte[200];
    new java.util.Random(9).nextBytes(noise);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(notebook().toFile(), "rw")) {
      f.write(noise);
    }
    byte[] damaged = Files.readAllBytes(notebook());

    assertErr(refused("check"))
        .contains("damaged at its start")
        .contains("talkbook check --repair")
        .doesNotContain("not a Talkbook notebook");

    Result repair = ok("check", "--repair");
    String name = notebook().getFileName().toString().replace(".talkbook", "-saved.talkbook");
    assertOut(repair)
        .contains("saved the notes of 5 talks")
        .contains(dir.resolve(name).toString())
        .contains("is sound");
    assertThat(Files.readAllBytes(notebook())).isEqualTo(damaged);
    // The user puts the saved notebook in the damaged one's place.
    Files.move(dir.resolve(name), notebook(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertOut(ok("talks")).isEqualTo(talksBefore);
  }

  /** Writes bytes over the page of {@code index} in the closed notebook, as a failing disk may. */
  private void damagePageOf(String index) throws Exception {
    dev.talkbook.core.store.PageDamage.damagePageOf(notebook(), index);
  }

  @Test
  void aDamagedIndexPageIsSaidInPlainWordsAndRepairRebuildsTheNotebookFromItsData()
      throws Exception {
    addSample();
    String talksBefore = ok("talks").out();
    String historyBefore = ok("history", "1").out();
    damagePageOf("sqlite_autoindex_tag_1");

    // The reading commands too: they read through the indexes, and say the one command that
    // repairs them, and why they do not read meanwhile.
    for (Result refused :
        List.of(refused("events"), refused("check"), refused("talks"), refused("show", "4"))) {
      assertErr(refused)
          .contains("an index of the tags is damaged")
          .contains("talks, notes and history are all there")
          .contains("does not open the notebook, even to read, until the index is made again")
          .contains("talkbook check --repair")
          .contains("SQLite's check: ")
          .doesNotContain("SQLite's check failed")
          .doesNotContain("backup");
    }

    Result repair = ok("check", "--repair");
    assertOut(repair).contains("Rebuilt notebook").contains(".damaged").contains("is sound");
    assertThat(Files.exists(dir.resolve(notebook().getFileName() + ".damaged"))).isTrue();
    assertOut(ok("talks")).isEqualTo(talksBefore);
    assertOut(ok("history", "1")).isEqualTo(historyBefore);
    assertOut(ok("search", "sqlite")).contains("SQLite everywhere");
    assertOut(ok("check")).contains("is sound");
    // Ids go on from where they were.
    ok("talk", "add", "--event", "1", "--title", "After the repair");
    assertOut(ok("talks")).contains("6  ");
  }

  @Test
  void repairOfDamagedNotesLeavesTheFileAsItWasAndSaysToRestoreABackup() throws Exception {
    addSample();
    damagePageOf("talk");
    byte[] before = Files.readAllBytes(notebook());

    assertErr(refused("events")).contains("Restore it from a backup");
    assertErr(refused("check", "--repair"))
        .containsIgnoringCase("restore it from a backup")
        .contains("Could not rebuild notebook " + notebook())
        .contains("left as it was")
        .doesNotContain(".rebuilding");
    assertThat(Files.readAllBytes(notebook())).isEqualTo(before);
  }

  @Test
  void repairOfASoundNotebookChangesNothing() {
    addSample();
    assertOut(ok("check", "--repair")).contains("is sound").doesNotContain("Rebuilt");
  }
}
