package dev.talkbook.ui;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.navigator.NavigatorView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the window's start does before JavaFX is up, on a thread of its own while the toolkit starts
 * (about half a second): read the settings, ask the desktop whether it is dark (a process on Linux
 * and macOS), open the notebook, whose first open loads SQLite's native library and checks the
 * file, and read what the window's first frame shows of it: the navigator's tree and the talk that
 * was open last time ({@link FirstView}). {@link App#start} takes the results, waiting only for
 * what is not done yet.
 */
final class EarlyStart {
  // No System.Logger field: this class is initialised on the launcher's main thread, and the
  // process's first System.getLogger searches every jar of the class path (see ClassPreload).

  /** The notebook the user named; null when none (the last one opened, else the default). */
  final Path named;

  final boolean readOnly;

  /** Where the window's notes and journals go when the notebook's folder refuses them. */
  final Path fallback;

  private final CompletableFuture<Path> file = new CompletableFuture<>();
  private final CompletableFuture<Settings> settings = new CompletableFuture<>();
  private final CompletableFuture<Boolean> systemDark = new CompletableFuture<>();
  private final CompletableFuture<Notebook> opened = new CompletableFuture<>();
  private final CompletableFuture<FirstView> firstView = new CompletableFuture<>();

  /** The line to show when the open began to upgrade an older notebook (see UpgradeNotice). */
  private final CompletableFuture<String> upgradeBegun = new CompletableFuture<>();

  /**
   * What the window shows first, read from the notebook: the tree, and the talk {@code talkId} (the
   * one open last time, -1 for none) if it still exists.
   */
  record FirstView(long talkId, NavigatorView.Contents tree, Optional<Talk> talk) {}

  private EarlyStart(Path named, boolean readOnly, Path fallback) {
    this.named = named;
    this.readOnly = readOnly;
    this.fallback = fallback;
  }

  /**
   * Starts the work on a daemon thread and returns at once; {@code named} may be null; {@code
   * fallback} is the window's {@code Host.keptNotesFolder()}.
   */
  static EarlyStart begin(Path named, boolean readOnly, Path fallback) {
    EarlyStart early = new EarlyStart(named, readOnly, fallback);
    Thread t = new Thread(early::run, "talkbook-early-start");
    t.setDaemon(true);
    t.start();
    return early;
  }

  private void run() {
    try {
      settings.complete(Settings.forUser());
    } catch (RuntimeException e) {
      settings.completeExceptionally(e);
    }
    systemDark.complete(Theme.systemPrefersDark());
    Notebook book;
    try {
      Path notebook = RecentNotebooks.forWindow(named, settings());
      file.complete(notebook);
      book =
          Notebook.open(
              notebook,
              Notebook.Options.defaults()
                  .withCreate(true)
                  .withReadOnly(readOnly)
                  .withUpgrading(UpgradeNotice.telling(upgradeBegun)));
      opened.complete(book);
    } catch (RuntimeException | Error e) {
      file.completeExceptionally(e); // when the choice failed; done already when the open did
      opened.completeExceptionally(e);
      firstView.complete(null);
      return;
    }
    // Typing a killed Talkbook journaled goes back into its talk before the talk is read.
    recovered = recover(book, fallback);
    try {
      long last = settings().get(Settings.lastTalk(book.file()));
      NavigatorView.Contents tree = NavigatorView.Contents.read(book);
      Optional<Talk> talk = last >= 0 ? book.talks().find(last) : Optional.empty();
      firstView.complete(new FirstView(last, tree, talk));
      // The window's first set of the open talk compares it with none (a property's change
      // listeners call equals): a record's equals is an invokedynamic whose first call builds its
      // method handles, ~15 ms that fell on the FX thread as the notes were shown. Linked here.
      talk.ifPresent(t -> t.equals(tree));
    } catch (RuntimeException e) {
      firstView.complete(null); // the window reads them again, and says what went wrong
    }
  }

  /** What the open did with the journals a killed Talkbook left (set before the first view). */
  private volatile List<NotesJournal.Recovered> recovered = List.of();

  /**
   * {@link NotesJournal#recover} on {@code book}, with {@code fallback} (the window's {@code
   * Host.keptNotesFolder()}, where its journal goes) as the fallback. Not on the FX thread.
   */
  static List<NotesJournal.Recovered> recover(Notebook book, Path fallback) {
    try {
      return NotesJournal.recover(book, fallback);
    } catch (RuntimeException e) {
      System.getLogger(EarlyStart.class.getName())
          .log(System.Logger.Level.WARNING, "the notes' journals could not be replayed", e);
      return List.of();
    }
  }

  /** What the open did with the journals left (waits for the first view to be read). */
  List<NotesJournal.Recovered> recovered() {
    firstView();
    return recovered;
  }

  /**
   * What the first frame shows, read early; null when it could not be read (the window then reads
   * it as on any open, and reports a failure). Waits for the read if it is under way.
   */
  FirstView firstView() {
    return firstView.join();
  }

  /** The user's settings (read again here if the early read failed, so its error shows). */
  Settings settings() {
    try {
      return settings.join();
    } catch (java.util.concurrent.CompletionException e) {
      return Settings.forUser();
    }
  }

  /** The notebook file this start opens (waits until it is chosen); null when choosing failed. */
  Path file() {
    try {
      return file.join();
    } catch (java.util.concurrent.CompletionException e) {
      return null;
    }
  }

  /** Whether the desktop is dark. */
  boolean systemDark() {
    return systemDark.join();
  }

  /**
   * The notebook opened early, or its failure as thrown by {@link Notebook#open} (the app then asks
   * the user what to do, as for any failed open), with the notice of {@link UpgradeNotice} shown
   * while the open upgrades an older notebook (the window is not up yet: without it, nothing showed
   * for 30 s). FX thread.
   */
  Notebook notebookTellingUpgrade() {
    return UpgradeNotice.await(opened, upgradeBegun);
  }
}
