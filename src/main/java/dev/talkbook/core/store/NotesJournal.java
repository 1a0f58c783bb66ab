package dev.talkbook.core.store;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.CrcPair;
import dev.talkbook.core.common.PathProblems;
import dev.talkbook.core.notebook.Talk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A write-ahead journal of the open talk's notes, so that a killed process loses nothing typed:
 * each change (position, length removed, text inserted) is appended, in order, on a thread of its
 * own, to {@code <notebook>.journal-<talk>} beside the notebook (or, where that cannot be written,
 * in the fallback folder with a tag of the notebook's path in front, as {@code ShutdownRecovery}
 * places its files). The journal starts with the talk's id and the length and {@link CrcPair} of
 * the saved notes it applies on; once a save has the text in the notebook ({@link #saved}) the
 * journal is cut: removed, or rewritten with only the changes made after that text.
 *
 * <p>Each record is its length, its CRC-32C and its bytes: a record cut short by a kill mid-write
 * ends the replay there. Records reach the system with {@code write()} (a killed process loses none
 * of them) but are not forced to the disk ({@code fsync}): see docs/reliability.md.
 *
 * <p>Callers never wait for the disk: every method queues its work and returns. Memory is bounded:
 * at most {@link #MAX_QUEUED} changes wait for the thread (beyond that the newest whole text
 * replaces them), and changes not yet saved that exceed {@link #MAX_PENDING_BYTES} are replaced by
 * one record of the whole text. When appending fails (the notebook's disk filled up while it was
 * open) the journal is written afresh, whole, where it can be: the fallback folder, often on
 * another disk. Where neither can be written it is said once through {@code problem}; journaling
 * then starts afresh at the next save, and typing goes on either way.
 *
 * <p>Keys typed for a talk whose notes are not shown yet (held while it is read: Go to talk, a
 * letter on its row) are journaled too ({@link #typedAhead}): the talk's journal file holds them as
 * one record on "whatever notes it has" until the editor has taken them as changes ({@link
 * #typedAheadTaken}), when the file is replaced, in one rename, by the journal of those changes. A
 * kill in between puts them back at the end of the talk's notes.
 *
 * <p>{@link #recover} replays what a killed process left, at the next open.
 */
public final class NotesJournal implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NotesJournal.class.getName());

  /** Changes waiting for the journal's thread beyond which the newest whole text stands in. */
  static final int MAX_QUEUED = 10_000;

  /** Bytes of changes kept since the last save beyond which one whole text replaces them. */
  static final int MAX_PENDING_BYTES = 1 << 20;

  private static final byte[] MAGIC = {'T', 'B', 'J', '1'};
  private static final byte BASE = 'B';
  private static final byte EDIT = 'E';
  private static final byte WHOLE = 'T';
  private static final byte SAVING = 'S';
  private static final byte AHEAD = 'A';

  /** A base's length for "the notes the talk has, whatever they are" (keys typed ahead). */
  private static final int ANY_BASE = -1;

  private static final Pattern NAME = Pattern.compile("\\.journal-(\\d{1,18})$");

  private final Path notebook;
  private final Path fallback;
  private final Consumer<String> problem;
  private final Disk disk;
  private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedEdits = new AtomicInteger();

  /** The newest notes (one reference, replaced at each change): what a whole record holds. */
  private final AtomicReference<Op.Whole> newest = new AtomicReference<>();

  /** Set when changes were not queued (too many waiting): the newest whole text stands in. */
  private final java.util.concurrent.atomic.AtomicBoolean overflowed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final Thread thread;
  private volatile boolean closed;

  // The journal's thread only.
  private long talkId = -1;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private long pendingBytes;

  /** The size of the whole text that opens {@link #pending} (0: none), not counted against it. */
  private long wholeBytes;

  private long lastSeq;
  private String base = "";
  private WritableByteChannel out;
  private Path file;
  private boolean broken;

  /** The text {@link #crcOfText} is of (the same object: the save's text). */
  private String crcText;

  /** The journal files holding keys typed ahead, by talk (the journal's thread only). */
  private final java.util.Map<Long, Path> aheadFiles = new java.util.HashMap<>();

  /**
   * Set while the open talk's journal file holds keys typed ahead for it: its changes are kept in
   * memory until {@link Op.AheadTaken} writes them, whole, in its place.
   */
  private boolean holding;

  private long crcOfText;
  private boolean told;
  private final ByteArrayOutputStream appends = new ByteArrayOutputStream();

  /**
   * A journal for {@code notebook}'s open talk; {@code problem} is told, once, when it cannot be
   * written (on the journal's thread).
   */
  public NotesJournal(Path notebook, Path fallback, Consumer<String> problem) {
    this(notebook, fallback, problem, Disk.REAL);
  }

  /** As above, reaching the files through {@code disk} (tests give one that fills up). */
  NotesJournal(Path notebook, Path fallback, Consumer<String> problem, Disk disk) {
    this.notebook = notebook.toAbsolutePath();
    this.fallback = fallback;
    this.problem = problem;
    this.disk = disk;
    this.thread = new Thread(this::run, "talkbook-journal");
    thread.setDaemon(true);
    thread.start();
  }

  /** How the journal reaches its files: written whole, or opened to append. */
  interface Disk {
    /** Writes {@code file} whole or not at all, readable by its owner only. */
    void writeWhole(Path file, byte[] bytes) throws IOException;

    /** Opens {@code file} to append to it. */
    WritableByteChannel openToAppend(Path file) throws IOException;

    Disk REAL =
        new Disk() {
          @Override
          public void writeWhole(Path file, byte[] bytes) throws IOException {
            AtomicFile.write(file, bytes, AtomicFile.Option.OWNER_ONLY);
          }

          @Override
          public WritableByteChannel openToAppend(Path file) throws IOException {
            return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
          }
        };
  }

  private sealed interface Op {
    record Begin(long talkId, long seq, String base) implements Op {}

    record Edit(long talkId, long seq, int position, int removed, String inserted) implements Op {}

    record Whole(long talkId, long seq, String text) implements Op {}

    record Saved(long talkId, long seq, String text) implements Op {}

    record Saving(long talkId, long seq, String text, CompletableFuture<Void> written)
        implements Op {}

    record Forget(long talkId) implements Op {}

    record Ahead(long talkId, String text) implements Op {}

    record AheadTaken(long talkId) implements Op {}

    record Flush(CompletableFuture<Void> done) implements Op {}

    record Stop() implements Op {}
  }

  private record Pending(long seq, byte[] record) {}

  // ---- what the editor's session calls (any thread; never waits for the disk)

  /** {@code talkId} is open with {@code base} (its notes as saved), the {@code seq}-th version. */
  public void begin(long talkId, long seq, String base) {
    put(new Op.Begin(talkId, seq, base));
  }

  /**
   * Change {@code seq}: {@code removed} characters at {@code position} replaced by {@code
   * inserted}, giving {@code text}.
   */
  public void edited(
      long talkId, long seq, int position, int removed, String inserted, String text) {
    newest.set(new Op.Whole(talkId, seq, text));
    if (queuedEdits.incrementAndGet() > MAX_QUEUED) {
      queuedEdits.decrementAndGet();
      if (!overflowed.getAndSet(true)) {
        put(new Op.Flush(null)); // wakes the thread
      }
      return;
    }
    put(new Op.Edit(talkId, seq, position, removed, inserted));
  }

  /** Change {@code seq} made the notes {@code text} (a change that is not one replacement). */
  public void replaced(long talkId, long seq, String text) {
    newest.set(new Op.Whole(talkId, seq, text));
    put(new Op.Whole(talkId, seq, text));
  }

  /**
   * The notebook is about to take {@code text}, version {@code seq}: the journal notes it, so that
   * a kill between the save and its cut ({@link #saved}) still replays on the notes saved. Changes
   * after {@code seq} may already be in the journal before the note (typed as the save began): the
   * newest text then follows the note whole. Completes once noted (the notebook thread waits for
   * it, never the FX thread).
   */
  public CompletableFuture<Void> saving(long talkId, long seq, String text) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    if (!put(new Op.Saving(talkId, seq, text, written))) {
      written.complete(null);
    }
    return written;
  }

  /** The notebook holds {@code text}, version {@code seq}: the journal is cut up to it. */
  public void saved(long talkId, long seq, String text) {
    put(new Op.Saved(talkId, seq, text));
  }

  /**
   * {@code text} was typed for talk {@code talkId}, whose notes are not shown yet (the keys wait
   * until they are): journaled at once, in the talk's journal file, so that a kill before the
   * editor has them puts them at the end of its notes. Each call gives all the text typed ahead so
   * far.
   */
  public void typedAhead(long talkId, String text) {
    put(new Op.Ahead(talkId, text));
  }

  /**
   * The keys typed ahead for {@code talkId} have gone (into the editor, queued here as changes
   * before this call; or dropped): its journal now holds those changes instead, or nothing.
   */
  public void typedAheadTaken(long talkId) {
    put(new Op.AheadTaken(talkId));
  }

  /** The talk's notes are dropped on purpose (deleted, quit without saving): so is its journal. */
  public void forget(long talkId) {
    put(new Op.Forget(talkId));
  }

  /** Completes once everything queued before it has been written (tests, closing). */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!put(new Op.Flush(done))) {
      done.complete(null);
    }
    return done;
  }

  /** The longest {@link #close} waits for the journal's thread (a stuck disk). */
  static final long CLOSE_WAIT_MILLIS = 5_000;

  /**
   * Writes what is queued and ends the journal's thread, waiting for it at most {@link
   * #CLOSE_WAIT_MILLIS}; a journal not cut stays on disk. Nothing is queued after it: what is asked
   * later completes at once.
   */
  @Override
  public void close() {
    synchronized (queue) {
      if (closed) {
        return;
      }
      closed = true; // before Stop is queued: nothing can be queued after it
      queue.add(new Op.Stop());
    }
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean put(Op op) {
    synchronized (queue) {
      if (closed) {
        return false;
      }
      queue.add(op);
      return true;
    }
  }

  /** Completes what waits on {@code op} (a flush, a save's note) without writing it. */
  private static void release(Op op) {
    if (op instanceof Op.Flush f && f.done() != null) {
      f.done().complete(null);
    } else if (op instanceof Op.Saving s) {
      s.written().complete(null);
    }
  }

  /**
   * The thread ends: no caller waits for what is left in {@code batch} from {@code from} or queued.
   */
  private void releaseAll(List<Op> batch, int from) {
    for (int i = from; i < batch.size(); i++) {
      release(batch.get(i));
    }
    List<Op> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(NotesJournal::release);
  }

  // ---- the journal's thread

  private void run() {
    List<Op> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        closeFile();
        releaseAll(batch, 0);
        return;
      }
      queue.drainTo(batch);
      for (int i = 0; i < batch.size(); i++) {
        Op op = batch.get(i);
        if (overflowed.get()) {
          // Changes were dropped from the queue: the newest whole text stands for them (the
          // changes queued before it are older, skipped).
          Op.Whole whole = newest.get();
          if (whole.talkId() == talkId) {
            overflowed.set(false);
            change(talkId, whole.seq(), wholeRecord(whole.text()));
          } else if (whole.seq() <= lastSeq) {
            overflowed.set(false); // of a talk no longer open, saved or dropped with it
          } // else of a talk whose Begin is still to come
        }
        try {
          if (!handle(op)) {
            closeFile();
            releaseAll(batch, i + 1);
            return;
          }
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "the notes' journal failed", e);
          release(op);
        }
      }
      batch.clear();
      writeAppends();
    }
  }

  /** Handles {@code op}; false on stop. */
  private boolean handle(Op op) {
    if (op instanceof Op.Begin b) {
      writeAppends();
      if (b.talkId() == talkId) {
        deleteFile(); // a restored version: its journal starts again from it
      } else {
        closeFile();
        file = null;
      }
      talkId = b.talkId();
      base = b.base();
      lastSeq = b.seq();
      clearPending();
      broken = false;
      holding = aheadFiles.containsKey(talkId);
    } else if (op instanceof Op.Edit e) {
      queuedEdits.decrementAndGet();
      change(e.talkId(), e.seq(), editRecord(e.position(), e.removed(), e.inserted()));
    } else if (op instanceof Op.Whole w) {
      change(w.talkId(), w.seq(), wholeRecord(w.text()));
    } else if (op instanceof Op.Saving s) {
      writeAppends();
      if (s.talkId() == talkId && out != null && !broken) {
        appends.writeBytes(savingRecord(s.text().length(), crcOf(s.text())));
        if (lastSeq > s.seq()) {
          // Changes typed after the text saved were journaled before this note: a replay from
          // the note would skip them. The text they give follows it whole.
          appends.writeBytes(wholeRecord(after(s.text(), s.seq())));
        }
        writeAppends();
      }
      s.written().complete(null);
    } else if (op instanceof Op.Saved s) {
      if (s.talkId() == talkId) {
        writeAppends();
        cut(s.seq(), s.text());
      }
    } else if (op instanceof Op.Forget f) {
      if (f.talkId() == talkId) {
        appends.reset();
        deleteFile();
        clearPending();
        talkId = -1;
        holding = false;
      }
      Path ahead = aheadFiles.remove(f.talkId());
      if (ahead != null) {
        deleteQuietly(ahead);
      }
    } else if (op instanceof Op.Ahead a) {
      ahead(a.talkId(), a.text());
    } else if (op instanceof Op.AheadTaken a) {
      aheadTaken(a.talkId());
    } else if (op instanceof Op.Flush f) {
      writeAppends();
      if (f.done() != null) {
        f.done().complete(null);
      }
    } else if (op instanceof Op.Stop) {
      writeAppends();
      return false;
    }
    return true;
  }

  /** Writes the keys typed ahead for {@code talk} as its journal (or removes it: none). */
  private void ahead(long talk, String text) {
    if (talk == talkId && !holding) {
      return; // its notes are shown: the keys go to them as changes
    }
    if (text.isEmpty()) {
      Path was = aheadFiles.remove(talk);
      if (was != null) {
        deleteQuietly(was);
      }
      return;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(MAGIC);
    all.writeBytes(baseRecord(talk, ANY_BASE, 0));
    all.writeBytes(record(AHEAD, text.getBytes(StandardCharsets.UTF_8)));
    Path was = aheadFiles.get(talk);
    IOException first = null;
    for (Path candidate : was != null ? List.of(was) : candidates(talk)) {
      try {
        disk.writeWhole(candidate, all.toByteArray());
        aheadFiles.put(talk, candidate);
        return;
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    LOG.log(System.Logger.Level.WARNING, "keys typed ahead could not be journaled", first);
  }

  /**
   * The keys typed ahead for {@code talk} are gone: when it is the open talk, its changes (those
   * keys among them) replace the file in one rename; else the file goes, after the changes queued
   * before (where the keys went) are written.
   */
  private void aheadTaken(long talk) {
    Path was = aheadFiles.remove(talk);
    if (talk == talkId && holding) {
      holding = false;
      if (!pending.isEmpty() && !broken) {
        file = was; // replaced in place: the keys or their changes, never neither nor both
        rewrite();
        if (file != null && !file.equals(was) && was != null) {
          deleteQuietly(was);
        }
        return;
      }
    }
    writeAppends();
    if (was != null && !was.equals(file)) {
      deleteQuietly(was); // never the open talk's live journal (a save may have written it there)
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "a journal of keys typed ahead stays: " + file, e);
    }
  }

  private void change(long talk, long seq, byte[] record) {
    if (talk != talkId || seq <= lastSeq) {
      return;
    }
    lastSeq = seq;
    Op.Whole whole = newest.get();
    if (pendingBytes - wholeBytes + record.length > MAX_PENDING_BYTES && whole.talkId() == talkId) {
      // Saves have failed for long: one whole text stands for the changes since the last save
      // (the newest: the changes still queued are older, skipped).
      clearPending();
      appends.reset();
      record = wholeRecord(whole.text());
      lastSeq = Math.max(lastSeq, whole.seq());
      pending.add(new Pending(lastSeq, record));
      pendingBytes = record.length;
      wholeBytes = record.length;
      rewrite();
      return;
    }
    pending.add(new Pending(seq, record));
    pendingBytes += record.length;
    appends.writeBytes(record);
  }

  private void cut(long seq, String text) {
    while (!pending.isEmpty() && pending.peekFirst().seq() <= seq) {
      pendingBytes -= pending.removeFirst().record().length;
      wholeBytes = 0;
    }
    base = text;
    if (pending.isEmpty()) {
      deleteFile();
      broken = false;
    } else {
      rewrite(); // also after a failure: the journal starts afresh, whole
    }
  }

  /** {@code text} (version {@code seq}) with the changes pending after it applied. */
  private String after(String text, long seq) {
    StringBuilder notes = new StringBuilder(text);
    for (Pending p : pending) {
      if (p.seq() > seq) {
        byte[] r = p.record();
        apply(notes, java.util.Arrays.copyOfRange(r, 8, r.length));
      }
    }
    return notes.toString();
  }

  /**
   * Applies the record {@code r} (its type, then its body) on {@code notes}: an edit, or a whole
   * text; false (notes unchanged) for anything else or an edit out of the notes' bounds.
   */
  private static boolean apply(StringBuilder notes, byte[] r) {
    if (r.length >= 1 && r[0] == WHOLE) {
      notes.replace(0, notes.length(), new String(r, 1, r.length - 1, StandardCharsets.UTF_8));
      return true;
    }
    if (r.length < 9 || r[0] != EDIT) {
      return false;
    }
    ByteBuffer e = ByteBuffer.wrap(r, 1, 8);
    int position = e.getInt();
    int removed = e.getInt();
    if (position < 0 || removed < 0 || position + removed > notes.length()) {
      return false; // cannot be: written by this class in order
    }
    notes.replace(
        position, position + removed, new String(r, 9, r.length - 9, StandardCharsets.UTF_8));
    return true;
  }

  private void clearPending() {
    pending.clear();
    pendingBytes = 0;
    wholeBytes = 0;
  }

  /** Appends the records of this batch: one {@code write()} (or the whole journal, if new). */
  private void writeAppends() {
    if (appends.size() == 0) {
      return;
    }
    if (broken || holding) {
      appends.reset(); // kept in memory (pending) until the next save starts the journal afresh
      return;
    }
    if (out == null) {
      appends.reset();
      rewrite();
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap(appends.toByteArray());
    appends.reset();
    try {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The journal stops here, maybe cut mid-record (a full disk): it goes, and the whole journal
      // (its base and every change since, all in pending) is written afresh where it can be, the
      // fallback folder when the notebook's disk is full, so what is typed from now on is still
      // journaled while no save can be made.
      // The new one is written before the one cut short goes (AtomicFile replaces it when both
      // are beside the notebook): a kill in between leaves both, the second kept aside and said by
      // recover, never none.
      LOG.log(System.Logger.Level.WARNING, "the notes' journal could not be appended to", e);
      Path stale = file;
      file = null;
      closeFile();
      rewrite();
      if (stale.equals(file)) {
        return;
      }
      try {
        Files.deleteIfExists(stale);
      } catch (IOException cannot) {
        if (file != null) {
          deleteFile(); // a journal with a gap must not stay beside a newer one
          failed(cannot, null);
        } else {
          LOG.log(System.Logger.Level.WARNING, "the notes' journal could not be removed", cannot);
        }
      }
    }
  }

  /**
   * Writes the journal whole (its base and every change since) with {@link AtomicFile}, readable by
   * its owner only (it holds the notes, and may lie in the shared temporary folder).
   */
  private void rewrite() {
    closeFile();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(MAGIC);
    all.writeBytes(baseRecord(talkId, base.length(), crcOf(base)));
    for (Pending p : pending) {
      all.writeBytes(p.record());
    }
    byte[] bytes = all.toByteArray();
    IOException first = null;
    for (Path candidate : file != null ? List.of(file) : candidates(talkId)) {
      try {
        disk.writeWhole(candidate, bytes);
        out = disk.openToAppend(candidate);
        file = candidate;
        broken = false;
        return;
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    Path stale = file;
    file = null;
    failed(first, stale);
  }

  private List<Path> candidates(long talk) {
    String name = notebook.getFileName() + ".journal-" + talk;
    return List.of(notebook.resolveSibling(name), fallback.resolve(tag(notebook) + "-" + name));
  }

  /**
   * Writing failed: journaling stops until the next save starts it afresh; {@code stale} (the
   * journal as it was, now behind or cut short) is removed, as a journal with a gap would replay
   * wrongly.
   */
  private void failed(IOException e, Path stale) {
    broken = true;
    closeFile();
    if (stale != null) {
      try {
        Files.deleteIfExists(stale);
      } catch (IOException cannot) {
        e.addSuppressed(cannot);
      }
    }
    LOG.log(System.Logger.Level.WARNING, "the notes' journal cannot be written", e);
    if (!told) {
      told = true;
      problem.accept(
          "Typing cannot be journaled ("
              + PathProblems.whyNotWritten(e)
              + "): a crash could lose what is not yet saved in the notebook.");
    }
  }

  private void closeFile() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "the notes' journal did not close", e);
      }
      out = null;
    }
  }

  private void deleteFile() {
    closeFile();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "the notes' journal could not be removed", e);
      }
      file = null;
    }
  }

  // ---- the format

  private static byte[] record(byte type, byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(type);
    crc.update(body);
    ByteBuffer b = ByteBuffer.allocate(9 + body.length);
    b.putInt(1 + body.length).putInt((int) crc.getValue()).put(type).put(body);
    return b.array();
  }

  static byte[] baseRecord(long talkId, String base) {
    return baseRecord(talkId, base.length(), CrcPair.of(base.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] baseRecord(long talkId, int length, long crc) {
    return record(
        BASE, ByteBuffer.allocate(20).putLong(talkId).putInt(length).putLong(crc).array());
  }

  static byte[] editRecord(int position, int removed, String inserted) {
    byte[] text = inserted.getBytes(StandardCharsets.UTF_8);
    return record(
        EDIT,
        ByteBuffer.allocate(8 + text.length).putInt(position).putInt(removed).put(text).array());
  }

  private static byte[] savingRecord(int length, long crc) {
    return record(SAVING, ByteBuffer.allocate(12).putInt(length).putLong(crc).array());
  }

  /**
   * The {@link CrcPair} of {@code text} in UTF-8; the last one is kept, as a save's note and the
   * base the save's cut starts from are the same text (one encoding and checksum for both).
   */
  private long crcOf(String text) {
    if (text != crcText) {
      crcOfText = CrcPair.of(text.getBytes(StandardCharsets.UTF_8));
      crcText = text;
    }
    return crcOfText;
  }

  static byte[] wholeRecord(String text) {
    return record(WHOLE, text.getBytes(StandardCharsets.UTF_8));
  }

  /** What replaying a journal on a talk's saved notes gives. */
  public enum Outcome {
    /** The journal applies on these notes: {@code text} is the notes as last typed. */
    APPLIED,
    /** The journal was made on other notes (changed elsewhere since): nothing applied. */
    OTHER_BASE,
    /** Not a journal, or its first record is unreadable: nothing to apply. */
    UNREADABLE
  }

  /**
   * The journal {@code bytes} replayed on {@code saved}: {@code changes} records applied; {@code
   * torn} when it ends in a record cut short or damaged (everything before it is applied).
   */
  public record Replayed(Outcome outcome, long talkId, String text, int changes, boolean torn) {}

  /** Replays {@code bytes} on {@code saved} (the talk's notes in the notebook). */
  public static Replayed replay(byte[] bytes, String saved) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length < MAGIC.length
        || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return new Replayed(Outcome.UNREADABLE, -1, saved, 0, false);
    }
    in.position(MAGIC.length);
    List<byte[]> records = new ArrayList<>();
    boolean torn = false;
    while (in.hasRemaining()) {
      if (in.remaining() < 9) {
        torn = true;
        break;
      }
      int length = in.getInt();
      int crc = in.getInt();
      if (length < 1 || length > in.remaining()) {
        torn = true;
        break;
      }
      byte[] body = new byte[length];
      in.get(body);
      CRC32C check = new CRC32C();
      check.update(body);
      if ((int) check.getValue() != crc) {
        torn = true;
        break;
      }
      records.add(body);
    }
    if (records.isEmpty() || records.get(0)[0] != BASE || records.get(0).length != 21) {
      return new Replayed(Outcome.UNREADABLE, -1, saved, 0, torn);
    }
    ByteBuffer head = ByteBuffer.wrap(records.get(0), 1, 20);
    long talkId = head.getLong();
    int baseLength = head.getInt();
    long baseCrc = head.getLong();
    // Where the replay may start: the base when the notes saved are it, the last whole text, or
    // the last save noted whose text the notes saved are (a kill between that save and its cut);
    // the latest of them, as each is the text at its place.
    int savedLength = saved.length();
    long savedCrc = CrcPair.of(saved.getBytes(StandardCharsets.UTF_8));
    int from = -1;
    String text = null;
    if (baseLength == ANY_BASE || savedLength == baseLength && savedCrc == baseCrc) {
      from = 1;
      text = saved;
    }
    for (int i = records.size() - 1; i >= 1 && i + 1 > from; i--) {
      byte[] r = records.get(i);
      if (r[0] == WHOLE) {
        text = new String(r, 1, r.length - 1, StandardCharsets.UTF_8);
        from = i + 1;
        break;
      }
      if (r[0] == SAVING && r.length == 13) {
        ByteBuffer m = ByteBuffer.wrap(r, 1, 12);
        if (m.getInt() == savedLength && m.getLong() == savedCrc) {
          text = saved;
          from = i + 1;
          break;
        }
      }
    }
    if (text == null) {
      return new Replayed(Outcome.OTHER_BASE, talkId, saved, 0, torn);
    }
    StringBuilder notes = new StringBuilder(text);
    int applied = 0;
    for (int i = from; i < records.size(); i++) {
      byte[] r = records.get(i);
      if (r[0] == SAVING) {
        continue;
      }
      if (r[0] == AHEAD && baseLength == ANY_BASE) {
        // Keys typed for the talk before its notes were shown: at the end, on a line of their own.
        if (notes.length() > 0 && notes.charAt(notes.length() - 1) != '\n') {
          notes.append('\n');
        }
        notes.append(new String(r, 1, r.length - 1, StandardCharsets.UTF_8));
        applied++;
        continue;
      }
      if (r[0] != EDIT || !apply(notes, r)) {
        torn = true; // stop before it
        break;
      }
      applied++;
    }
    return new Replayed(Outcome.APPLIED, talkId, notes.toString(), applied, torn);
  }

  // ---- the next open

  /**
   * What the next open did with a journal left by a killed process: put the notes back into the
   * talk ({@code keptIn} null), or kept the journal aside ({@code keptIn}) and why; {@code end} is
   * where the typing put back ends in the talk's notes (a character offset; -1 when none was), for
   * the window to show it.
   */
  public record Recovered(
      long talkId, String title, int changes, Path keptIn, String why, int end) {
    Recovered(long talkId, String title, int changes, Path keptIn, String why) {
      this(talkId, title, changes, keptIn, why, -1);
    }

    public boolean putBack() {
      return keptIn == null && why == null;
    }

    /** One sentence for the status bar. */
    public String message() {
      String talk = title.isEmpty() ? "a talk" : "“" + title + "”";
      if (putBack()) {
        return "Typing in "
            + talk
            + " that was not yet saved when Talkbook stopped was put back ("
            + changes
            + (changes == 1 ? " change" : " changes")
            + "); History has the notes before it.";
      }
      return "Typing in "
          + talk
          + " from before Talkbook stopped was not put back: "
          + why
          + (keptIn == null ? "" : " It is kept in " + keptIn + ".");
    }
  }

  /**
   * Replays the journals {@code book}'s killed process left (beside it and in {@code fallback}):
   * one made on the talk's saved notes is put back as {@link RevisionStore#bringBack} does (the
   * notes it replaces stay in the History) and removed; one made on other notes, or whose talk is
   * gone, is kept under another name and said, never applied nor dropped. A read-only notebook
   * leaves them all for a writable open. Any thread but the FX thread.
   */
  public static List<Recovered> recover(Notebook book, Path fallback) {
    List<Recovered> done = new ArrayList<>();
    if (book.isReadOnly()) {
      return done;
    }
    Path notebook = book.file().toAbsolutePath();
    for (Path journal : find(notebook, fallback)) {
      Matcher m = NAME.matcher(journal.getFileName().toString());
      if (!m.find()) {
        continue;
      }
      long id = Long.parseLong(m.group(1));
      Talk talk = book.talks().find(id).orElse(null);
      String title = talk == null ? "" : talk.title();
      try {
        byte[] bytes = Files.readAllBytes(journal);
        if (talk == null) {
          done.add(keep(journal, id, title, "the talk is no longer in this notebook."));
          continue;
        }
        Replayed r = replay(bytes, talk.body());
        switch (r.outcome()) {
          case APPLIED -> {
            if (r.talkId() != id) {
              done.add(keep(journal, id, title, "the journal is of another talk."));
              continue;
            }
            if (!r.text().equals(talk.body())) {
              book.revisions().bringBack(id, r.text());
              done.add(
                  new Recovered(
                      id, title, r.changes(), null, null, endOfChange(talk.body(), r.text())));
            }
            Files.deleteIfExists(journal);
          }
          case OTHER_BASE ->
              done.add(
                  keep(
                      journal,
                      id,
                      title,
                      "the talk's notes were changed elsewhere since, so it would not fit."));
          case UNREADABLE -> Files.deleteIfExists(journal); // nothing was journaled in it
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a journal could not be replayed: " + journal, e);
        done.add(
            new Recovered(
                id,
                title,
                0,
                journal,
                "it could not be read or applied ("
                    + (e instanceof IOException io ? PathProblems.why(io) : e.toString())
                    + ")."));
      }
    }
    return done;
  }

  /**
   * Where {@code now} stops differing from {@code before}, counted from its end: the end of the
   * typing put back (the text after it is the same in both).
   */
  static int endOfChange(String before, String now) {
    return dev.talkbook.core.common.Difference.of(before, now).nowTo();
  }

  /** Moves {@code journal} aside, where no open replays it again. */
  private static Recovered keep(Path journal, long id, String title, String why)
      throws IOException {
    Path kept =
        journal.resolveSibling(
            journal.getFileName()
                + ".kept-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.move(journal, kept);
    LOG.log(System.Logger.Level.WARNING, "a journal not applied, kept in " + kept + ": " + why);
    return new Recovered(id, title, 0, kept, why);
  }

  /** The journals of {@code notebook} beside it and in {@code fallback} (unreadable: none). */
  static List<Path> find(Path notebook, Path fallback) {
    List<Path> found = new ArrayList<>();
    String name = notebook.getFileName() + ".journal-";
    for (Path[] where :
        new Path[][] {
          {notebook.getParent(), Path.of(name)}, {fallback, Path.of(tag(notebook) + "-" + name)}
        }) {
      if (where[0] == null) {
        continue;
      }
      // the name as it is: a glob of it missed "Talks [2026].talkbook"'s journals
      try (DirectoryStream<Path> files =
          dev.talkbook.core.common.NotebookFileName.filesIn(where[0], where[1].toString(), "")) {
        for (Path f : files) {
          String file = f.getFileName().toString();
          if (NAME.matcher(file).find() && (where[0] != fallback || ownedByUs(f))) {
            found.add(f);
          }
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        LOG.log(System.Logger.Level.WARNING, "no journals looked for in " + where[0], e);
      }
    }
    return found;
  }

  /**
   * Whether {@code file} is a plain file of the user running Talkbook: in the shared temporary
   * folder another local user could plant a journal (a whole text) to have it put into a talk.
   */
  private static boolean ownedByUs(Path file) {
    try {
      UserPrincipal us =
          file.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(System.getProperty("user.name"));
      boolean ours =
          Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              && us.equals(Files.getOwner(file, LinkOption.NOFOLLOW_LINKS));
      if (!ours) {
        LOG.log(System.Logger.Level.WARNING, "a journal not of this user, left alone: " + file);
      }
      return ours;
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(System.Logger.Level.WARNING, "a journal whose owner is not known, left: " + file, e);
      return false;
    }
  }

  /**
   * The notebook's path as a short tag, for files of its own in a shared folder (the temporary
   * folder).
   */
  public static String tag(Path notebook) {
    return Integer.toHexString(notebook.toAbsolutePath().normalize().toString().hashCode());
  }
}
