package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.SearchIndexDamage;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void repairOfASoundNotebookChangesNothing() {
    addSample();
    assertOut(ok("check", "--repair")).contains("is sound").doesNotContain("Rebuilt");
  }
}
