package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Revision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code history TALK [--show REVISION]} and {@code restore TALK REVISION}. */
class HistoryCommandTest extends CliTest {
  private long event;

  @BeforeEach
  void event() {
    event = addEvent("Meetup");
  }

  private Path notes(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private void editNotes(long talk, String name, String text) throws Exception {
    Result r =
        ok("talk", "edit", Long.toString(talk), "--notes-file", notes(name, text).toString());
    assertOut(r).contains("(notes changed)");
  }

  private List<Revision> revisions(long talk) {
    return peek(nb -> nb.revisions().list(talk));
  }

  private String body(long talk) {
    return peek(nb -> nb.talks().get(talk).body());
  }

  /** The id of the newest revision whose text is {@code body}. */
  private long revisionWith(long talk, String body) {
    return revisions(talk).stream()
        .filter(r -> r.body().equals(body))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void aNewTalkHasNoRevisions() {
    long talk = addTalk(event, "Fresh");

    Result r = ok("history", Long.toString(talk));

    assertOut(r).contains("Fresh (talk " + talk + ")").contains("No revisions kept yet.");
  }

  @Test
  void editingTheNotesTwiceListsTheRevisionsNewestFirst() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r = ok("history", Long.toString(talk));

    assertOut(r)
        .contains("Versioned (talk " + talk + "), notes last saved ")
        .contains("REVISION", "SAVED", "WHY", "CHARS", "BEGINS")
        .containsSubsequence("Second draft", "First draft")
        .contains("Restore one with: talkbook restore " + talk + " REVISION");
    assertThat(revisions(talk))
        .extracting(Revision::body)
        .containsExactly("Second draft\n", "First draft\n");
  }

  @Test
  void editsFromTheCommandLineSaySoAndShowTheirSeconds() throws Exception {
    long talk = addTalk(event, "Scripted");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r = ok("history", Long.toString(talk));

    // Not "checkpoint" (the window's "kept when you left the talk"): nobody left a talk.
    assertThat(revisions(talk)).extracting(Revision::reason).containsOnly(Revision.Reason.COMMAND);
    assertOut(r)
        .contains("WHY")
        .doesNotContain("checkpoint")
        .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  command ");
  }

  @Test
  void theSamplesNotesAreListedAsAddedOnceEdited() throws Exception {
    ok("sample");
    long talk = peek(nb -> nb.search().search("Virtual threads", 1).get(0).talkId());
    editNotes(talk, "mine.md", "My own notes\n");

    // Not "autosave": nobody wrote the sample's text while the window autosaved.
    assertThat(revisions(talk))
        .extracting(Revision::reason)
        .containsExactly(Revision.Reason.COMMAND, Revision.Reason.ADDED);
    assertOut(ok("history", Long.toString(talk)))
        .containsPattern("\\d{2}:\\d{2}:\\d{2}  as added +\\d+  # Virtual threads")
        .doesNotContain("autosave");
  }

  @Test
  void editingNotesThatWereGivenOnAddKeepsTheOriginalText() throws Exception {
    long talk =
        addTalk(event, "Versioned", "--notes-file", notes("v0.md", "Original\n").toString());
    editNotes(talk, "v1.md", "Changed\n");

    assertThat(revisions(talk)).extracting(Revision::body).contains("Original\n", "Changed\n");
    assertOut(ok("history", Long.toString(talk))).contains("Original");
  }

  @Test
  void historyByPartOfTheTitle() throws Exception {
    long talk = addTalk(event, "Versioned talk");
    editNotes(talk, "v1.md", "Only draft\n");

    assertOut(ok("history", "versioned")).contains("Only draft");
  }

  @Test
  void historyShowPrintsOneRevisionsText() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\nline two\n");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r =
        ok(
            "history",
            Long.toString(talk),
            "--show",
            Long.toString(revisionWith(talk, "First draft\nline two\n")));

    assertThat(r.out()).isEqualTo("First draft\nline two\n");
  }

  @Test
  void historyShowIntoAFileWritesARevisionWithoutAFinalNewlineAsStored() throws Exception {
    // As show does: the revision put back with talk edit --notes-file is that text, not one line
    // break longer.
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft, no newline");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r =
        ok(
            "history",
            Long.toString(talk),
            "--show",
            Long.toString(revisionWith(talk, "First draft, no newline")));

    assertThat(r.out()).isEqualTo("First draft, no newline");
  }

  @Test
  void historyShowOfAnotherTalksRevisionIsRefused() throws Exception {
    long one = addTalk(event, "One");
    long two = addTalk(event, "Two");
    editNotes(one, "one.md", "one's notes\n");
    long revision = revisionWith(one, "one's notes\n");

    Result r = refused("history", Long.toString(two), "--show", Long.toString(revision));

    assertErr(r).contains("belongs to another talk (talk " + one + ")");
  }

  @Test
  void historyShowOfAnUnknownRevisionIsRefused() {
    long talk = addTalk(event, "T");

    Result r = refused("history", Long.toString(talk), "--show", "123");

    assertErr(r).contains("There is no revision with id 123.");
  }

  @Test
  void historyOfAnUnknownTalkIsRefused() {
    Result r = refused("history", "55");

    assertErr(r).contains("There is no talk with id 55.");
  }

  @Test
  void restoreBringsTheOldTextBackAndKeepsTheReplacedTextInTheHistory() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");
    long first = revisionWith(talk, "First draft\n");

    Result r = ok("restore", Long.toString(talk), Long.toString(first));

    assertOut(r)
        .contains("Restored the notes of talk " + talk)
        .contains("The text it replaced is kept in its history.");
    assertThat(ok("show", Long.toString(talk)).out()).isEqualTo("First draft\n");
    assertThat(body(talk)).isEqualTo("First draft\n");
    assertThat(revisions(talk)).extracting(Revision::body).contains("Second draft\n");
    assertOut(ok("history", Long.toString(talk))).contains("Second draft").contains("restored");
  }

  @Test
  void aRestoreCanItselfBeUndone() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");
    ok("restore", Long.toString(talk), Long.toString(revisionWith(talk, "First draft\n")));

    ok("restore", Long.toString(talk), Long.toString(revisionWith(talk, "Second draft\n")));

    assertThat(body(talk)).isEqualTo("Second draft\n");
  }

  @Test
  void restoreOfAnUnknownRevisionIsRefusedAndChangesNothing() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "Current\n");

    Result r = refused("restore", Long.toString(talk), "999");

    assertErr(r).contains("There is no revision with id 999.");
    assertThat(body(talk)).isEqualTo("Current\n");
  }

  @Test
  void restoreOnAReadOnlyNotebookIsRefusedAndChangesNothing() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r =
        refused(
            "--read-only",
            "restore",
            Long.toString(talk),
            Long.toString(revisionWith(talk, "First draft\n")));

    assertErr(r).contains("read-only");
    assertThat(body(talk)).isEqualTo("Second draft\n");
  }

  @Test
  void deletingATalkDeletesItsHistory() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    long revision = revisionWith(talk, "First draft\n");

    ok("talk", "delete", Long.toString(talk), "--yes");

    assertErr(refused("restore", Long.toString(event), Long.toString(revision)))
        .contains("There is no");
  }

  @Test
  void restoreOfAnotherTalksRevisionIsRefusedAndChangesNeither() throws Exception {
    // history 6 lists talk 6's revisions; "restore 6" typed after it once replaced the notes of
    // whichever talk revision 6 belonged to.
    long mine = addTalk(event, "Mine");
    long other = addTalk(event, "Other");
    editNotes(mine, "m1.md", "Mine first\n");
    editNotes(mine, "m2.md", "Mine now\n");
    editNotes(other, "o1.md", "Other first\n");
    editNotes(other, "o2.md", "Other now\n");
    long othersRevision = revisionWith(other, "Other first\n");

    Result r = refused("restore", Long.toString(mine), Long.toString(othersRevision));

    assertErr(r)
        .contains("Revision " + othersRevision + " belongs to another talk (talk " + other + ")")
        .contains("talkbook history " + mine)
        .contains("Nothing was changed.");
    assertThat(body(mine)).isEqualTo("Mine now\n");
    assertThat(body(other)).isEqualTo("Other now\n");
  }

  @Test
  void restoreWithOnlyARevisionIsAUsageMistakeThatChangesNothing() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r = misused("restore", Long.toString(revisionWith(talk, "First draft\n")));

    assertThat(r.err().lines().findFirst())
        .hasValue(
            "Name the talk and then its revision: talkbook restore TALK REVISION (talkbook"
                + " history TALK lists a talk's revisions).");
    assertErr(r).contains("Usage: talkbook restore [--help] [--read-only]");
    assertThat(body(talk)).isEqualTo("Second draft\n");
  }

  @Test
  void restoreNamesTheTalkItRestored() throws Exception {
    long talk = addTalk(event, "Versioned");
    editNotes(talk, "v1.md", "First draft\n");
    editNotes(talk, "v2.md", "Second draft\n");

    Result r = ok("restore", "Versioned", Long.toString(revisionWith(talk, "First draft\n")));

    assertOut(r).contains("Restored the notes of talk " + talk + " (\"Versioned\")");
    assertThat(body(talk)).isEqualTo("First draft\n");
  }
}
