package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes' write-ahead journal: what a killed process typed comes back at the next open. */
class NotesJournalTest {
  @TempDir Path dir;
  private final List<String> told = new ArrayList<>();
  private NotesJournal journal;

  @AfterEach
  void close() {
    if (journal != null) {
      journal.close();
    }
  }

  /** The notebook's file name. */
  private String notebookName = "n.talkbook";

  private Path notebookFile() {
    return dir.resolve(notebookName);
  }

  private NotesJournal journal(Path fallback) {
    journal = new NotesJournal(notebookFile(), fallback, told::add);
    return journal;
  }

  private Path fileOf(long talk) {
    return dir.resolve("n.talkbook.journal-" + talk);
  }

  private void flush() throws Exception {
    journal.flush().get(10, TimeUnit.SECONDS);
  }

  /** Types {@code typed} at the end of {@code text}, a character a change; the text after. */
  private static String type(NotesJournal j, long talk, long[] seq, String text, String typed) {
    StringBuilder sb = new StringBuilder(text);
    for (char c : typed.toCharArray()) {
      int at = sb.length();
      sb.append(c);
      j.edited(talk, ++seq[0], at, 0, String.valueOf(c), sb.toString());
    }
    return sb.toString();
  }

  @Test
  void keysTypedAheadForATalkReplayAtTheEndOfItsNotes() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    j.begin(3, 1, "# Open\n");
    j.typedAhead(7, "ty");
    j.typedAhead(7, "typed\nahead");
    flush();

    NotesJournal.Replayed r = NotesJournal.replay(Files.readAllBytes(fileOf(7)), "# Talk");
    assertThat(r.outcome()).isEqualTo(NotesJournal.Outcome.APPLIED);
    assertThat(r.talkId()).isEqualTo(7);
    assertThat(r.text()).isEqualTo("# Talk\ntyped\nahead");
    assertThat(fileOf(3)).doesNotExist();
  }

  @Test
  void keysTakenByTheNotesReplaceTheKeysTypedAheadInTheJournalNeverBoth() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    j.typedAhead(7, "ab");
    j.begin(7, 1, "# T\n");
    j.edited(7, 2, 4, 0, "a", "# T\na");
    j.edited(7, 3, 5, 0, "b", "# T\nab");
    flush();
    // Killed now: the keys' changes are not written yet, the keys typed ahead still are.
    assertThat(NotesJournal.replay(Files.readAllBytes(fileOf(7)), "# T\n").text())
        .isEqualTo("# T\nab");

    j.typedAheadTaken(7);
    j.edited(7, 4, 6, 0, "c", "# T\nabc");
    flush();

    NotesJournal.Replayed r = NotesJournal.replay(Files.readAllBytes(fileOf(7)), "# T\n");
    assertThat(r.text()).isEqualTo("# T\nabc");
    assertThat(r.changes()).isEqualTo(3);
  }

  @Test
  void keysTypedAheadThatWentElsewhereLeaveNoJournal() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    j.typedAhead(7, "ab");
    flush();
    assertThat(fileOf(7)).exists();
    j.typedAheadTaken(7);
    flush();
    assertThat(fileOf(7)).doesNotExist();
  }

  @Test
  void changesAppendedInOrderReplayOnTheSavedNotes() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "# Talk\n");
    String text = type(j, 7, seq, "# Talk\n", "hello");
    j.edited(7, ++seq[0], 7, 2, "J", "# Talk\nJllo");
    j.edited(7, ++seq[0], 0, 0, "é😀", "é😀# Talk\nJllo");
    flush();

    NotesJournal.Replayed r = NotesJournal.replay(Files.readAllBytes(fileOf(7)), "# Talk\n");
    assertThat(text).isEqualTo("# Talk\nhello");
    assertThat(r.outcome()).isEqualTo(NotesJournal.Outcome.APPLIED);
    assertThat(r.talkId()).isEqualTo(7);
    assertThat(r.text()).isEqualTo("é😀# Talk\nJllo");
    assertThat(r.changes()).isEqualTo(7);
    assertThat(r.torn()).isFalse();
  }

  @Test
  void aSaveCutsTheJournalKeepingOnlyTheChangesAfterIt() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "");
    String saved = type(j, 7, seq, "", "abc");
    long savedSeq = seq[0];
    String after = type(j, 7, seq, saved, "de");
    j.saved(7, savedSeq, saved);
    flush();
    NotesJournal.Replayed r = NotesJournal.replay(Files.readAllBytes(fileOf(7)), saved);
    assertThat(r.text()).isEqualTo(after);
    assertThat(r.changes()).isEqualTo(2);

    j.saved(7, seq[0], after);
    flush();
    assertThat(fileOf(7)).as("everything typed is in the notebook").doesNotExist();

    String more = type(j, 7, seq, after, "f");
    flush();
    assertThat(NotesJournal.replay(Files.readAllBytes(fileOf(7)), after).text()).isEqualTo(more);
  }

  @Test
  void aKillBetweenASaveAndItsCutStillReplaysOnTheNotesSaved() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "");
    String saved = type(j, 7, seq, "", "abc");
    j.saving(7, seq[0], saved).get(10, TimeUnit.SECONDS); // the notebook then took it: no cut yet
    String typed = type(j, 7, seq, saved, "de");
    flush();
    byte[] bytes = Files.readAllBytes(fileOf(7));
    assertThat(NotesJournal.replay(bytes, saved).text()).isEqualTo(typed);
    assertThat(NotesJournal.replay(bytes, "").text()).as("the save failed").isEqualTo(typed);
    assertThat(NotesJournal.replay(bytes, "ab").outcome())
        .isEqualTo(NotesJournal.Outcome.OTHER_BASE);
  }

  @Test
  void aKeyJournaledJustBeforeTheSaveNoteOfAnOlderTextIsNotLostToAKillBeforeTheCut()
      throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "");
    String saved = type(j, 7, seq, "", "abc");
    long savedSeq = seq[0];
    // The save read "abc" and, before it noted it, a key was typed and queued.
    String typed = type(j, 7, seq, saved, "d");
    j.saving(7, savedSeq, saved).get(10, TimeUnit.SECONDS);
    String more = type(j, 7, seq, typed, "e");
    flush(); // killed after the notebook took "abc", before the cut
    byte[] bytes = Files.readAllBytes(fileOf(7));
    assertThat(NotesJournal.replay(bytes, saved).text()).isEqualTo(more);
    assertThat(NotesJournal.replay(bytes, "").text()).as("the save failed").isEqualTo(more);

    j.saved(7, savedSeq, saved); // not killed: the cut keeps the later keys
    flush();
    assertThat(NotesJournal.replay(Files.readAllBytes(fileOf(7)), saved).text()).isEqualTo(more);
  }

  @Test
  void nothingAskedAsTheJournalClosesIsLeftWaiting() throws Exception {
    for (int round = 0; round < 300; round++) {
      NotesJournal j = new NotesJournal(notebookFile(), dir.resolve("tmp"), told::add);
      List<java.util.concurrent.CompletableFuture<Void>> asked =
          java.util.Collections.synchronizedList(new ArrayList<>());
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      Thread saver =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 200; i++) {
                  asked.add(j.flush());
                  asked.add(j.saving(7, i, "text"));
                }
              });
      saver.start();
      go.countDown();
      j.close();
      saver.join();
      for (var future : asked) {
        future.get(10, TimeUnit.SECONDS); // a future queued after the stop never completed
      }
    }
  }

  @Test
  void aJournalMadeOnOtherNotesIsNotApplied() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "base");
    type(j, 7, seq, "base", "!");
    flush();
    byte[] bytes = Files.readAllBytes(fileOf(7));
    NotesJournal.Replayed other = NotesJournal.replay(bytes, "bass");
    assertThat(other.outcome()).isEqualTo(NotesJournal.Outcome.OTHER_BASE);
    assertThat(other.text()).isEqualTo("bass");
    assertThat(NotesJournal.replay(bytes, "base!").outcome())
        .isEqualTo(NotesJournal.Outcome.OTHER_BASE);
  }

  @Test
  void aLastRecordCutShortByAKillEndsTheReplayBeforeIt() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "");
    type(j, 7, seq, "", "abcd");
    flush();
    byte[] whole = Files.readAllBytes(fileOf(7));
    int lastRecord = 9 + 8 + 1; // length, CRC, type; position, removed; one byte typed
    for (int cut = 1; cut < lastRecord; cut++) {
      NotesJournal.Replayed r = NotesJournal.replay(Arrays.copyOf(whole, whole.length - cut), "");
      assertThat(r.text()).as("cut %d bytes", cut).isEqualTo("abc");
      assertThat(r.torn()).isTrue();
    }
    byte[] damaged = whole.clone();
    damaged[damaged.length - 1] ^= 1;
    assertThat(NotesJournal.replay(damaged, "").text()).isEqualTo("abc");
  }

  @Test
  void eachTalkHasItsJournalAndASwitchKeepsTheOneNotYetSaved() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(1, 1, "one");
    String one = type(j, 1, seq, "one", " more");
    j.begin(2, ++seq[0], "two");
    String two = type(j, 2, seq, "two", " too");
    j.edited(1, ++seq[0], 0, 0, "late", "ignored: not the open talk");
    flush();
    assertThat(NotesJournal.replay(Files.readAllBytes(fileOf(1)), "one").text()).isEqualTo(one);
    assertThat(NotesJournal.replay(Files.readAllBytes(fileOf(2)), "two").text()).isEqualTo(two);
    j.forget(2);
    flush();
    assertThat(fileOf(2)).doesNotExist();
    assertThat(fileOf(1)).exists();
  }

  @Test
  void aChangeThatIsNotOneReplacementIsJournaledWhole() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "a");
    j.replaced(7, ++seq[0], "all new");
    String text = type(j, 7, seq, "all new", "!");
    flush();
    NotesJournal.Replayed r = NotesJournal.replay(Files.readAllBytes(fileOf(7)), "changed since");
    assertThat(r.outcome()).isEqualTo(NotesJournal.Outcome.APPLIED);
    assertThat(r.text()).isEqualTo(text);
  }

  @Test
  void changesNotSavedForLongAreHeldAsOneWholeTextInBoundedMemory() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    long[] seq = {1};
    j.begin(7, 1, "");
    String line = "x".repeat(9_999) + "\n";
    String text = "";
    for (int i = 0; i < 300; i++) {
      text = text + line;
      j.edited(7, ++seq[0], text.length() - line.length(), 0, line, text);
    }
    flush();
    byte[] bytes = Files.readAllBytes(fileOf(7));
    assertThat(bytes.length)
        .as("the whole text and at most the bound of changes after it")
        .isLessThan(text.length() + NotesJournal.MAX_PENDING_BYTES + 100);
    assertThat(NotesJournal.replay(bytes, "").text()).isEqualTo(text);
  }

  @Test
  void randomEditsReplayToTheSameText() throws Exception {
    NotesJournal j = journal(dir.resolve("tmp"));
    Random random = new Random(5);
    long[] seq = {1};
    String base = "start\n";
    j.begin(3, 1, base);
    StringBuilder text = new StringBuilder(base);
    String savedText = base;
    for (int i = 0; i < 2_000; i++) {
      int at = random.nextInt(text.length() + 1);
      int removed = Math.min(random.nextInt(3), text.length() - at);
      String inserted = random.nextInt(4) == 0 ? "" : "ab\nç😀".substring(random.nextInt(3));
      text.replace(at, at + removed, inserted);
      j.edited(3, ++seq[0], at, removed, inserted, text.toString());
      if (i % 300 == 299) {
        savedText = text.toString();
        j.saved(3, seq[0], savedText);
      }
    }
    flush();
    assertThat(NotesJournal.replay(Files.readAllBytes(fileOf(3)), savedText).text())
        .isEqualTo(text.toString());
  }

  @Test
  void aFolderThatCannotBeWrittenIsSaidOnceAndTheFallbackTakesIt() throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the fallback folder should be");
    journal = new NotesJournal(blocked.resolve("sub").resolve("n.talkbook"), blocked, told::add);
    long[] seq = {1};
    journal.begin(7, 1, "");
    String text = type(journal, 7, seq, "", "ab");
    flush();
    journal.saved(7, seq[0], text);
    type(journal, 7, seq, text, "cd");
    flush();
    assertThat(told).hasSize(1);
    assertThat(told.get(0)).startsWith("Typing cannot be journaled (");

    // Where the notebook's folder cannot be written, the fallback folder has the journal.
    Path fallback = Files.createDirectories(dir.resolve("tmp"));
    Path notebook = dir.resolve("ro").resolve("n.talkbook");
    NotesJournal j = new NotesJournal(notebook, fallback, told::add);
    try {
      j.begin(7, 1, "");
      type(j, 7, new long[] {1}, "", "x");
      j.flush().get(10, TimeUnit.SECONDS);
      assertThat(fallback.resolve(NotesJournal.tag(notebook) + "-n.talkbook.journal-7")).exists();
    } finally {
      j.close();
    }
  }

  // ---- the next open

  private record Book(Notebook notebook, long talk) {}

  private Book book() {
    Notebook notebook = Notebook.open(notebookFile());
    long event = notebook.events().create(Event.Details.titled("Meetup")).id();
    long talk = notebook.talks().create(event, Talk.Details.titled("Loom"), "# Loom\n").id();
    return new Book(notebook, talk);
  }

  @Test
  void theNextOpenPutsTheTypingBackAndRemovesTheJournal() throws Exception {
    Book b = book();
    try (Notebook notebook = b.notebook()) {
      NotesJournal j = journal(dir.resolve("tmp"));
      long[] seq = {1};
      j.begin(b.talk(), 1, "# Loom\n");
      String typed = type(j, b.talk(), seq, "# Loom\n", "virtual threads");
      flush();
      j.close(); // as a kill: no save, the journal stays

      List<NotesJournal.Recovered> done = NotesJournal.recover(notebook, dir.resolve("tmp"));
      assertThat(done).hasSize(1);
      assertThat(done.get(0).putBack()).isTrue();
      assertThat(done.get(0).message()).contains("“Loom”").contains("put back");
      assertThat(done.get(0).end()).as("the window's caret goes there").isEqualTo(typed.length());
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo(typed);
      assertThat(notebook.revisions().list(b.talk()).stream().map(Revision::body))
          .as("the notes before it are kept in the History")
          .contains("# Loom\n");
      assertThat(fileOf(b.talk())).doesNotExist();
      assertThat(NotesJournal.recover(notebook, dir.resolve("tmp"))).isEmpty();
    }
  }

  /**
   * The notebook's disk, with the journal open beside the notebook, as it fills up: nothing more
   * can be written in the notebook's folder, while the fallback folder (the temporary folder, often
   * another disk) has room.
   */
  private static final class FillingDisk implements NotesJournal.Disk {
    private final Path folder;
    private volatile boolean full;

    FillingDisk(Path folder) {
      this.folder = folder;
    }

    private void check(Path file) throws IOException {
      if (full && file.getParent().equals(folder)) {
        throw new IOException(file + ": No space left on device");
      }
    }

    /** Whether a journal was beside the notebook when one was written in another folder. */
    volatile Boolean besideWhenWrittenElsewhere;

    @Override
    public void writeWhole(Path file, byte[] bytes) throws IOException {
      check(file);
      if (!file.getParent().equals(folder) && besideWhenWrittenElsewhere == null) {
        besideWhenWrittenElsewhere =
            Files.exists(folder.resolve(file.getFileName().toString().replaceFirst("^[^-]*-", "")));
      }
      NotesJournal.Disk.REAL.writeWhole(file, bytes);
    }

    @Override
    public WritableByteChannel openToAppend(Path file) throws IOException {
      check(file);
      WritableByteChannel channel = NotesJournal.Disk.REAL.openToAppend(file);
      return new WritableByteChannel() {
        @Override
        public int write(ByteBuffer bytes) throws IOException {
          check(file);
          return channel.write(bytes);
        }

        @Override
        public boolean isOpen() {
          return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
          channel.close();
        }
      };
    }
  }

  /**
   * The disk fills up while a talk's journal is open beside the notebook: no save can be made ("Not
   * saved: the disk is full"), and the typing went on being journaled nowhere, so a kill then lost
   * all of it. It now goes on in the fallback folder, and the next open puts it back.
   */
  @Test
  void typingGoesOnBeingJournaledInTheFallbackFolderWhenTheNotebooksDiskFillsUp() throws Exception {
    Book b = book();
    Path fallback = Files.createDirectories(dir.resolve("tmp"));
    try (Notebook notebook = b.notebook()) {
      FillingDisk disk = new FillingDisk(dir);
      NotesJournal j = new NotesJournal(notebookFile(), fallback, told::add, disk);
      journal = j;
      long[] seq = {1};
      j.begin(b.talk(), 1, "# Loom\n");
      String text = type(j, b.talk(), seq, "# Loom\n", "before ");
      flush();
      assertThat(fileOf(b.talk())).exists();

      disk.full = true;
      String typed = type(j, b.talk(), seq, text, "while the disk is full");
      flush();
      typed = type(j, b.talk(), seq, typed, ", and more");
      flush();
      j.close(); // as a kill: no save could be made

      assertThat(disk.besideWhenWrittenElsewhere)
          .as("the journal cut short is removed only once the new one is written: never none")
          .isTrue();
      assertThat(told).as("the fallback took it: nothing to warn of").isEmpty();
      assertThat(fileOf(b.talk())).as("the journal cut short beside the notebook").doesNotExist();
      List<NotesJournal.Recovered> done = NotesJournal.recover(notebook, fallback);
      assertThat(done).hasSize(1);
      assertThat(done.get(0).putBack()).isTrue();
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo(typed);
    }
  }

  /**
   * A notebook whose name holds what a glob reads as a pattern: its journals were looked for with
   * one made of its name, which found none of them ("[2026]" is one character of 2, 0 or 6), or
   * threw ("a[b": an unclosed range), so the typing a kill left was never put back.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"Talks [2026].talkbook", "a[b.talkbook", "{draft}.talkbook"})
  void theTypingComesBackInANotebookWhoseNameHoldsGlobCharacters(String name) throws Exception {
    notebookName = name;
    Book b = book();
    try (Notebook notebook = b.notebook()) {
      NotesJournal j = journal(dir.resolve("tmp"));
      long[] seq = {1};
      j.begin(b.talk(), 1, "# Loom\n");
      String typed = type(j, b.talk(), seq, "# Loom\n", "kept");
      flush();
      j.close(); // as a kill

      List<NotesJournal.Recovered> done = NotesJournal.recover(notebook, dir.resolve("tmp"));

      assertThat(done).hasSize(1);
      assertThat(done.get(0).putBack()).isTrue();
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo(typed);
    }
  }

  /** Another notebook's journal, whose name a glob of this one's matched, is not replayed here. */
  @Test
  void anotherNotebooksJournalIsNotTakenForThisOnes() throws Exception {
    notebookName = "n?.talkbook";
    Book b = book();
    try (Notebook notebook = b.notebook()) {
      Path others = dir.resolve("nb.talkbook.journal-" + b.talk());
      Files.writeString(others, "not this notebook's");

      assertThat(NotesJournal.recover(notebook, dir.resolve("tmp"))).isEmpty();
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo("# Loom\n");
      assertThat(others).hasContent("not this notebook's");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
          Loom            | Loom typed       | 10
          Loom\\nend      | Loom more\\nend   | 9
          abcabc          | abcXabc          | 4
          the end         | the              | 3
          same            | same             | 4
          """)
  void theEndOfTheTypingPutBackIsWhereTheNotesStopDiffering(String before, String now, int end) {
    assertThat(NotesJournal.endOfChange(before.replace("\\n", "\n"), now.replace("\\n", "\n")))
        .isEqualTo(end);
  }

  @Test
  void aJournalOnNotesChangedElsewhereIsKeptAsideAndSaid() throws Exception {
    Book b = book();
    try (Notebook notebook = b.notebook()) {
      NotesJournal j = journal(dir.resolve("tmp"));
      j.begin(b.talk(), 1, "# Loom\n");
      type(j, b.talk(), new long[] {1}, "# Loom\n", "typed");
      flush();
      j.close();
      notebook.talks().saveBody(b.talk(), "changed from the command line");

      List<NotesJournal.Recovered> done = NotesJournal.recover(notebook, dir.resolve("tmp"));
      assertThat(done).hasSize(1);
      assertThat(done.get(0).putBack()).isFalse();
      assertThat(done.get(0).keptIn()).exists();
      assertThat(done.get(0).message()).contains("changed elsewhere").contains("kept in");
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo("changed from the command line");
      assertThat(fileOf(b.talk())).doesNotExist();
      assertThat(NotesJournal.recover(notebook, dir.resolve("tmp"))).as("said once").isEmpty();
    }
  }

  @Test
  void aReadOnlyOpenLeavesTheJournalForAWritableOne() throws Exception {
    Book b = book();
    b.notebook().close();
    NotesJournal j = journal(dir.resolve("tmp"));
    j.begin(b.talk(), 1, "# Loom\n");
    type(j, b.talk(), new long[] {1}, "# Loom\n", "x");
    flush();
    j.close();
    try (Notebook readOnly =
        Notebook.open(notebookFile(), Notebook.Options.defaults().withReadOnly(true))) {
      assertThat(NotesJournal.recover(readOnly, dir.resolve("tmp"))).isEmpty();
    }
    assertThat(fileOf(b.talk())).exists();
  }

  @Test
  void aJournalIsReadableByItsOwnerOnly() throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    NotesJournal j = journal(dir.resolve("tmp"));
    j.begin(7, 1, "");
    type(j, 7, new long[] {1}, "", "secret");
    flush();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fileOf(7))))
        .isEqualTo("rw-------");
    j.saved(7, 3, "se"); // rewritten with the changes after the save
    flush();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fileOf(7))))
        .isEqualTo("rw-------");
  }

  @Test
  void aJournalInTheSharedFolderOfAnotherUserIsNeverApplied() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "only root can give a file away");
    Book b = book();
    try (Notebook notebook = b.notebook()) {
      Path shared = Files.createDirectories(dir.resolve("tmp"));
      // Another local user plants a journal of a whole text where the fallback ones go.
      byte[] planted = plantedJournal(b.talk(), "# Loom\n", "planted by someone else");
      Path file =
          shared.resolve(NotesJournal.tag(notebookFile()) + "-n.talkbook.journal-" + b.talk());
      Files.write(file, planted);
      Files.setOwner(
          file,
          file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

      assertThat(NotesJournal.recover(notebook, shared)).isEmpty();
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo("# Loom\n");
      assertThat(file).as("left alone").exists();

      Files.setOwner(file, Files.getOwner(dir)); // the same journal of this user is applied
      assertThat(NotesJournal.recover(notebook, shared)).hasSize(1);
      assertThat(notebook.talks().get(b.talk()).body()).isEqualTo("planted by someone else");
    }
  }

  private static byte[] plantedJournal(long talk, String base, String whole) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes("TBJ1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(NotesJournal.baseRecord(talk, base));
    out.writeBytes(NotesJournal.wholeRecord(whole));
    return out.toByteArray();
  }
}
