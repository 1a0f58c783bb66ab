package dev.talkbook.ui;

import dev.talkbook.core.common.Probes;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.DesktopOpener;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Icons;
import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.editor.EditorView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The composition root: opens the notebook (asking what to do when it cannot), builds the services
 * and the main window, and closes everything in {@link #stop()}. Parameters: {@code
 * --notebook=PATH} (the notebook the user named, resolved by the launcher; without it the window
 * opens the last notebook it opened, else the default: {@link RecentNotebooks}) and {@code
 * --read-only}.
 */
public final class App extends Application implements WindowHost {
  private UiExecutors executors;
  private Settings settings;
  private Theme theme;
  private Stage stage;
  private Notebook notebook;
  private MainWindow window;

  /** Started before the notebook opens, so Java is warm when the window shows. */
  private ReplSession repl;

  private final CompletableFuture<Void> windowUp = new CompletableFuture<>();

  /**
   * Set by {@link #launch} before JavaFX makes the app (JavaFX constructs it, so this is the one
   * way in): the start's work begun while the toolkit starts; taken by {@link #start}.
   */
  private static volatile EarlyStart early;

  /** The longest the preview waits for the REPL's start once the notes are shown. */
  static final java.time.Duration PREVIEW_AFTER_REPL_AT_MOST = java.time.Duration.ofSeconds(2);

  /** The longest the REPL's engine waits for the window to show its notes before it starts. */
  static final java.time.Duration REPL_START_AT_THE_LATEST = java.time.Duration.ofSeconds(30);

  private boolean readOnly;

  /** Whether the native heap's trims are scheduled (by the first window shown). */
  private boolean trimsNativeHeap;

  /** The longest a SIGTERM (logout, shutdown) waits for the notes to be saved. */
  static final java.time.Duration SHUTDOWN_SAVE_BOUND = java.time.Duration.ofSeconds(5);

  /** Set when {@link #stop()} begins; counted down when it has closed everything. */
  private volatile boolean stopping;

  private final java.util.concurrent.CountDownLatch stopped =
      new java.util.concurrent.CountDownLatch(1);

  /** The editor, begun on a thread of its own as the toolkit comes up; taken by the window. */
  private CompletableFuture<EditorView> editorAside;

  /**
   * Runs on the launcher thread once the toolkit is up, before {@link #start}: begins making the
   * editor (RichTextFX's code area, the window's costliest part) and loading the icons' font on
   * threads of their own, so the FX thread makes the rest of the window meanwhile.
   */
  @Override
  public void init() {
    editorAside = EditorView.makeAside();
    Icons.prepareAside(); // the icon font, loaded while the FX thread starts the window
  }

  @Override
  public void start(Stage primary) {
    stage = primary;
    stage.getIcons().setAll(Icons.appIcons());
    executors = new UiExecutors();
    // On the timer thread: the management beans it reads load JMX's classes, not needed to show.
    executors.timer().execute(() -> HeapReturn.install(executors.timer()));
    var named = getParameters().getNamed();
    readOnly =
        getParameters().getUnnamed().contains("--read-only")
            || "true".equals(named.get("read-only"));
    Path namedPath = named.containsKey("notebook") ? Path.of(named.get("notebook")) : null;
    EarlyStart begun = early;
    early = null;
    if (begun != null
        && !(java.util.Objects.equals(begun.named, namedPath)
            && begun.readOnly == readOnly
            && begun.fallback.equals(keptNotesFolder()))) {
      begun = null; // begun for another notebook: not this start's
    }
    // The REPL's JVM and compiler warm-up start once the window shows its notes (the timer is a
    // safety net): started at once they take the processor from the window's own start, and on a
    // busy machine the start takes seconds.
    settings = begun != null ? begun.settings() : Settings.forUser();
    repl =
        ReplSession.start(
            ReplOptions.defaults().withPreview(settings.get(Settings.REPL_PREVIEW)), windowUp);
    executors
        .timer()
        .schedule(
            () -> windowUp.complete(null), REPL_START_AT_THE_LATEST.toSeconds(), TimeUnit.SECONDS);
    // The notebook named, else the one opened last (RecentNotebooks), as the early start chose.
    Path path = begun != null ? begun.file() : null;
    if (path == null) {
      begun = null;
      path = RecentNotebooks.forWindow(namedPath, settings);
    }
    theme = new Theme(begun != null ? begun.systemDark() : Theme.systemPrefersDark());
    try {
      theme.choiceProperty().set(Theme.Choice.valueOf(settings.get(Settings.THEME)));
    } catch (IllegalArgumentException unknown) {
      theme.choiceProperty().set(Theme.Choice.SYSTEM);
    }
    theme.applyUserAgentStylesheet(); // before the first control: JavaFX's Modena never loads
    Errors.installUncaughtHandler(() -> stage);
    stage.setOnCloseRequest(
        e -> {
          e.consume();
          if (window == null) {
            quit();
          } else {
            window.requestClose(this::quit);
          }
        });
    // SIGTERM (logout, shutdown, kill) ends the JVM without stop(): save the notes first.
    Runtime.getRuntime().addShutdownHook(new Thread(this::saveBeforeExit, "talkbook-shutdown"));
    if (!open(path, true, begun)) {
      Platform.exit();
    }
  }

  /**
   * Starts the window on {@code notebook}: the settings, the desktop's theme and the notebook are
   * read on a thread of their own while JavaFX starts, then JavaFX makes and starts the app.
   * Returns when the app has ended.
   */
  public static void launch(Path notebook, boolean readOnly) {
    SoftwareRendering.chooseBeforeToolkit(); // before ClassPreload loads JavaFX's graphics classes
    ClassPreload.begin();
    early = EarlyStart.begin(notebook, readOnly, WindowHost.temporaryFolder());
    Application.launch(App.class, parameters(notebook, readOnly));
  }

  /**
   * Opens {@code path} in the window; on failure asks the user what to do. Returns false when the
   * user chose to quit.
   */
  private boolean open(Path path, boolean create) {
    return open(path, create, null);
  }

  /** The same, the first try taking the notebook {@code begun} opened (when not null). */
  private boolean open(Path path, boolean create, EarlyStart begun) {
    EarlyStart first = begun;
    Path next = path;
    boolean mayCreate = create;
    boolean openReadOnly = readOnly;
    // Why the notebook is opened read-only when that is asked (null: not asked).
    String askedWhy = readOnly ? ASKED_READ_ONLY : null;
    // What the window says once it is up (a repair done in the open-problem dialog), or null.
    String tell = null;
    // Set by "Upgrade and open": the older notebook is upgraded by a writable open first.
    boolean upgradeFirst = false;
    while (true) {
      try {
        EarlyStart taken = first;
        first = null;
        boolean upgrade = upgradeFirst;
        upgradeFirst = false;
        Notebook.Options options =
            Notebook.Options.defaults().withCreate(mayCreate).withReadOnly(openReadOnly);
        Notebook opened =
            taken != null
                ? taken.notebookTellingUpgrade()
                : upgrade ? upgradeThenOpen(next, options) : UpgradeNotice.open(next, options);
        // Typing a killed Talkbook journaled, put back before the window reads the talk (a later
        // open does it on the notebook thread, ahead of the window's reads: show).
        show(
            opened,
            taken == null ? null : taken.firstView(),
            taken == null ? null : CompletableFuture.completedFuture(taken.recovered()));
        if (opened.isReadOnly()) {
          window.readOnlyBecause(askedWhy != null ? askedWhy : NOT_WRITABLE);
        }
        if (tell != null) {
          window.tell(tell);
        }
        return true;
      } catch (NotebookException e) {
        // Not only the open's own refusals: a failed upgrade is reported the same way.
        NotebookOpenException problem =
            e instanceof NotebookOpenException open
                ? open
                : new NotebookOpenException(
                    next.toAbsolutePath(),
                    NotebookOpenException.Problem.UNREADABLE,
                    e.getMessage(),
                    "The file has been left as it was.",
                    e);
        // With a notebook open (File → Open notebook…), the dialog's cancel goes back to it: the
        // window and its notebook are as they were, only the notes were saved.
        OpenProblemDialog.Choice choice =
            OpenProblemDialog.ask(
                stage.isShowing() ? stage : null,
                problem,
                window != null && notebook != null ? notebook.file() : null);
        tell = null;
        if (choice instanceof OpenProblemDialog.Choice.Back) {
          return true;
        }
        if (choice instanceof OpenProblemDialog.Choice.Repaired r) {
          next = r.file();
          mayCreate = false;
          openReadOnly = readOnly;
          askedWhy = readOnly ? ASKED_READ_ONLY : null;
          tell = repaired(r);
        } else if (choice instanceof OpenProblemDialog.Choice.SavedNotes saved) {
          next = saved.saved();
          mayCreate = false;
          openReadOnly = readOnly;
          askedWhy = readOnly ? ASKED_READ_ONLY : null;
          tell = savedNotes(saved);
        } else if (choice instanceof OpenProblemDialog.Choice.Open o) {
          next = o.file();
          mayCreate = false;
          openReadOnly = readOnly;
          askedWhy = readOnly ? ASKED_READ_ONLY : null;
        } else if (choice instanceof OpenProblemDialog.Choice.OpenReadOnly r) {
          next = r.file();
          mayCreate = false;
          openReadOnly = true;
          askedWhy = readOnlyBecause(problem.problem());
        } else if (choice instanceof OpenProblemDialog.Choice.UpgradeAndOpen u) {
          // Upgraded, then read-only as asked: the user asked not to change the notebook, and the
          // upgrade (agreed to by the click) changes its format only, not a talk or a note.
          next = u.file();
          mayCreate = false;
          upgradeFirst = true;
          openReadOnly = true;
          askedWhy = ASKED_READ_ONLY;
        } else if (choice instanceof OpenProblemDialog.Choice.Create c) {
          if (Files.exists(c.file())) {
            Errors.show(
                null,
                "Not created",
                new NotebookException(c.file() + " exists already; choose a new name."));
            continue;
          }
          next = c.file();
          mayCreate = true;
          openReadOnly = false;
          askedWhy = null;
        } else {
          return false;
        }
      }
    }
  }

  /** What the window says after the open-problem dialog saved the notes of a damaged notebook. */
  static String savedNotes(OpenProblemDialog.Choice.SavedNotes s) {
    return "Saved the notes of damaged "
        + s.file().getFileName()
        + " into this new notebook, "
        + s.saved()
        + "; "
        + s.file().getFileName()
        + " is left as it was."
        + (s.unread().isEmpty() ? "" : " " + s.unread());
  }

  /** What the window says after the open-problem dialog repaired {@code r}'s notebook. */
  static String repaired(OpenProblemDialog.Choice.Repaired r) {
    return "Repaired "
        + r.file().getFileName()
        + ": rebuilt from its data; the damaged file is kept as "
        + r.kept()
        + ".";
  }

  /**
   * "Upgrade and open": {@code file}, from an older Talkbook, is upgraded by a writable open (with
   * the notice), closed, then opened with {@code options} (read-only, as the user asked). FX
   * thread.
   */
  static Notebook upgradeThenOpen(Path file, Notebook.Options options) {
    UpgradeNotice.open(file, Notebook.Options.defaults().withCreate(false)).close();
    return UpgradeNotice.open(file, options);
  }

  /** Why a notebook is read-only when it was started with --read-only. */
  static final String ASKED_READ_ONLY = "it was opened with --read-only.";

  /** Why a notebook is read-only when that was not asked: its file or folder refused writing. */
  static final String NOT_WRITABLE = "its file or its folder cannot be written.";

  /** Why a notebook is read-only when the user chose "Open read-only" after {@code problem}. */
  static String readOnlyBecause(NotebookOpenException.Problem problem) {
    return switch (problem) {
      case LOCKED -> "another Talkbook has it open for writing.";
      case DISK_FULL -> "the disk is full.";
      default -> StatusBar.OPENED_READ_ONLY;
    };
  }

  /**
   * Builds the window on {@code opened} and shows it; with {@code first} (read early from this
   * notebook) the tree and the last talk are in the views before the window first shows.
   */
  private void show(
      Notebook opened,
      EarlyStart.FirstView first,
      CompletableFuture<List<NotesJournal.Recovered>> recoveredEarly) {
    java.util.Optional<Path> writtenBack = java.util.Optional.empty();
    Path closedFile = null;
    if (window != null) {
      window.close();
      notebook.close();
      closedFile = notebook.file();
      writtenBack = WrittenBackNotice.remember(notebook, settings, true); // said below
    }
    notebook = opened;
    // On the notebook thread, queued before any read of the window's: the talk is read after its
    // typing is put back, and the FX thread does not wait for the files.
    CompletableFuture<List<NotesJournal.Recovered>> recovered =
        recoveredEarly != null
            ? recoveredEarly
            : CompletableFuture.supplyAsync(
                () -> EarlyStart.recover(opened, keptNotesFolder()), executors.io());
    window = new MainWindow(stage, notebook, executors, settings, theme, this, takeEditorAside());
    MainWindow made = window;
    recovered.thenAcceptAsync(made::tellRecovered, Platform::runLater);
    // After the window: it has the settings written as they change (kept if the app is killed).
    RecentNotebooks.opened(settings, notebook.file());
    window.attachRepl(repl);
    window.whenTalkShown(() -> windowUp.complete(null));
    // The REPL's start (it begins as the notes show) before the preview's WebKit: both at once
    // shared two cores, and the first result came ~0.5 s later.
    window.startPreviewAfter(repl.ready(), PREVIEW_AFTER_REPL_AT_MOST);
    if (!trimsNativeHeap) {
      // The preview's page loaded is the last of the start: what it freed goes back to the system.
      trimsNativeHeap = true;
      HeapReturn.trimNativeHeapAfter(window.previewLoaded(), executors.timer());
    }
    MainWindow shown = window;
    window.whenTalkShown(
        () -> TypingProbe.startIfAsked(shown, notebook, executors, stage.getScene()));
    if (Boolean.getBoolean(STARTUP_PROBE)) {
      window.whenTalkShown(this::reportStartupAndExit);
    }
    stage.show();
    window.start(first);
    if (writtenBack.isPresent()) {
      // The notebook just closed went beside another file at its name: said in the new window.
      window
          .statusBar()
          .showMessageUntilDismissed(WrittenBackNotice.message(closedFile, writtenBack.get()));
    }
  }

  /** The editor begun in {@link #init}, for the first window only (null after). */
  private CompletableFuture<EditorView> takeEditorAside() {
    CompletableFuture<EditorView> taken = editorAside;
    editorAside = null;
    return taken;
  }

  /**
   * With {@code -Dtalkbook.startupProbe=true} the app prints {@code talkbook-shown <uptime ms>
   * <processor ms>} once the last talk's notes are on screen (or the window, when there is no talk
   * to open); at that moment it evaluates {@code 1+1} in the REPL (or the input given by {@code
   * -Dtalkbook.startupProbe.replInput}), as a presenter typing at once would, and prints {@code
   * talkbook-repl-first <uptime ms> <value>} when the result is there; three seconds after the
   * window (the preview loaded, the window settled) and once the result is in, {@code talkbook-rss
   * <kB>}, and it exits: the start-up benchmark's probe and the packaged app's smoke test. With
   * {@code -Dtalkbook.startupProbe.timeline=true} as well, it prints the REPL's start step by step
   * in both JVMs ({@link Probes#mark}) and each thread's processor time from the notes to the
   * result ({@link Probes#threads}).
   */
  public static final String STARTUP_PROBE = "talkbook.startupProbe";

  /** The input the start-up probe evaluates first; {@code 1+1} when not given. */
  public static final String STARTUP_PROBE_INPUT = "talkbook.startupProbe.replInput";

  private void reportStartupAndExit() {
    Probes.report("talkbook-shown " + uptime() + " " + processorMillis());
    Probes.mark("shown");
    CompletableFuture<Void> firstResult =
        repl.evaluate(System.getProperty(STARTUP_PROBE_INPUT, "1+1"))
            .handle(
                (evaluation, error) -> {
                  String value =
                      error != null
                          ? "failed: " + error
                          : evaluation.last() == null
                              ? evaluation.outcome() + " " + evaluation.message()
                              : evaluation.last().value();
                  Probes.mark("repl-first");
                  Probes.threads("repl-first");
                  Probes.report("talkbook-repl-first " + uptime() + " " + value);
                  return null;
                });
    Probes.threads("shown"); // after the evaluation is asked for: it must not wait on this
    CompletableFuture<Void> settled = new CompletableFuture<>();
    executors.timer().schedule(() -> settled.complete(null), 3, TimeUnit.SECONDS);
    CompletableFuture.allOf(settled, firstResult)
        .orTimeout(120, TimeUnit.SECONDS)
        .whenComplete(
            (done, timedOut) ->
                Platform.runLater(
                    () -> {
                      Probes.report("talkbook-rss " + residentKilobytes());
                      Platform.exit();
                    }));
  }

  /** The processor time the process has used so far (all its threads), in ms; -1 if unknown. */
  /**
   * The process's processor time so far, in ms (-1 when the system does not tell). From {@code
   * java.base} alone: the packaged runtime has no {@code jdk.management}.
   */
  private static long processorMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
  }

  private static long uptime() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
  }

  private static String residentKilobytes() {
    try {
      return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> l.replaceAll("[^0-9]", ""))
          .findFirst()
          .orElse("?");
    } catch (java.io.IOException e) {
      return "?"; // not Linux
    }
  }

  @Override
  public void openLink(String url) {
    openLink(url, said -> {});
  }

  @Override
  public void openLink(String url, java.util.function.Consumer<String> notOpened) {
    if (!DesktopOpener.opensLinks()) {
      getHostServices().showDocument(url); // macOS, Windows: always an opener
      return;
    }
    DesktopOpener.open(url)
        .whenComplete(
            (opened, error) -> {
              if (error != null) {
                Throwable why = error.getCause() != null ? error.getCause() : error;
                Platform.runLater(
                    () -> {
                      if (window != null) {
                        notOpened.accept(window.linkNotOpened(url, why));
                      }
                    });
              }
            });
  }

  @Override
  public void openAnotherNotebook() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open notebook");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Talkbook notebooks", "*.talkbook"),
            new FileChooser.ExtensionFilter("All files", "*"));
    inNotebooksFolder(chooser);
    Optional.ofNullable(chooser.showOpenDialog(stage))
        .map(java.io.File::toPath)
        .filter(p -> !p.equals(notebook.file()))
        .ifPresent(p -> openNotebook(p, false));
  }

  @Override
  public Path chooseNewNotebook() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("New notebook");
    chooser.setInitialFileName("notebook.talkbook");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Talkbook notebooks", "*.talkbook"));
    inNotebooksFolder(chooser);
    java.io.File file = chooser.showSaveDialog(stage);
    return file == null ? null : file.toPath();
  }

  /** Starts {@code chooser} in the open notebook's folder (else the system picks "Recent"). */
  private void inNotebooksFolder(FileChooser chooser) {
    Path folder = notebook.file().toAbsolutePath().getParent();
    if (folder != null && Files.isDirectory(folder)) {
      chooser.setInitialDirectory(folder.toFile());
    }
  }

  @Override
  public void openNotebook(Path file, boolean create) {
    window.requestClose(
        () -> {
          if (create) {
            // A new notebook is for writing, also in a window started --read-only (a read-only
            // open would refuse to create it).
            readOnly = false;
          }
          if (!open(file, create)) {
            quit(); // the user chose Quit in the open-problem dialog
          }
        });
  }

  @Override
  public Path chooseFileToSave(String title, String name) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.setInitialFileName(name);
    chooser.getExtensionFilters().addAll(filtersFor(name));
    java.io.File file = chooser.showSaveDialog(stage);
    return file == null ? null : file.toPath();
  }

  /**
   * The save dialog's file types for a file named {@code name}: its own kind first (so the user's
   * earlier files of that kind are listed), then all files. An agenda is iCalendar, not Markdown.
   */
  static List<FileChooser.ExtensionFilter> filtersFor(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    FileChooser.ExtensionFilter all = new FileChooser.ExtensionFilter("All files", "*");
    if (lower.endsWith(".ics")) {
      return List.of(new FileChooser.ExtensionFilter("iCalendar", "*.ics"), all);
    }
    if (lower.endsWith(".md")) {
      return List.of(new FileChooser.ExtensionFilter("Markdown", "*.md"), all);
    }
    return List.of(all);
  }

  /**
   * The shutdown hook: saves the open talk's newest text on a thread of its own (the FX thread may
   * be busy or gone) and closes the notebook, within {@link #SHUTDOWN_SAVE_BOUND}. Text that cannot
   * be saved in time is written to a Markdown file beside the notebook (or in the temporary
   * folder), and stderr says where. Does nothing after a normal {@link #stop()}.
   */
  private void saveBeforeExit() {
    long deadline = System.nanoTime() + SHUTDOWN_SAVE_BOUND.toNanos();
    try {
      if (stopping) {
        stopped.await(SHUTDOWN_SAVE_BOUND.toMillis(), TimeUnit.MILLISECONDS); // stop() saves
        return;
      }
      MainWindow open = window;
      Notebook book = notebook;
      if (open == null || book == null) {
        return;
      }
      if (!book.isReadOnly()) {
        // The details' fields first (a speaker typed a moment ago), then the notes, as Ctrl+Q.
        untilDeadline(open::saveDetailsForShutdown, deadline, "talk details not saved on shutdown");
      }
      var session = open.openTalk();
      if (!ShutdownRecovery.saveOrKeep(
          book.file(),
          book.isReadOnly(),
          session::saveForShutdown,
          session::unsaved,
          deadline - System.nanoTime(),
          keptNotesFolder())) {
        return;
      }
      untilDeadline(open::flushJournal, deadline, "the notes' journal not cut on shutdown");
      // Not closed in time: the notes are saved; the next open finds the notebook as after a
      // crash, which it takes.
      untilDeadline(book::close, deadline, "notebook not closed on shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code work} on a thread of its own and waits for it until {@code deadline} (a {@link
   * System#nanoTime()}); a failure or the deadline passing is logged as {@code notDone}.
   */
  private static void untilDeadline(Runnable work, long deadline, String notDone)
      throws InterruptedException {
    try {
      ShutdownRecovery.onOwnThread(work).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException failed) {
      System.getLogger(App.class.getName()).log(System.Logger.Level.WARNING, notDone, failed);
    }
  }

  @Override
  public void quit() {
    MainWindow open = window;
    Notebook book = notebook;
    if (open != null && book != null && open.fileDeleted()) {
      // Written back as it closes, maybe beside another file at its name: told before the app
      // ends, which needs the FX thread (after stop() there is none).
      window = null;
      notebook = null;
      WrittenBackNotice.closeThenTell(
          stage, open::close, book, settings, this::showInFolder, Platform::exit);
      return;
    }
    Platform.exit();
  }

  @Override
  public void stop() {
    stopping = true;
    MainWindow open = window;
    Notebook book = notebook;
    UiExecutors threads = executors;
    ReplSession session = repl;
    closeInTurn(
        stage,
        () -> {
          if (open != null) {
            open.close();
          }
        },
        List.of(
            () -> {
              if (book != null) {
                book.close();
                // Written back beside another file at its name (it was deleted in the last 2 s,
                // unseen by the window): the next start opens it and says so.
                WrittenBackNotice.remember(book, settings, false);
              }
            },
            () -> {
              if (threads != null) {
                threads.close();
              }
            },
            () -> {
              if (session != null) {
                session.close();
              }
            }),
        stopped::countDown);
  }

  /**
   * Closes the app without holding the FX thread for the notebook: {@code closeWindow} (the
   * window's own close: the notes' save, which the close request made already, the window's place
   * remembered while it shows) on the calling FX thread; then {@code stage} is hidden, so the
   * window is gone at once; then {@code after} in order (the notebook's close, which waits for a
   * fold of its log under way and folds the rest: about 100 ms for a 4 MB log, more on a slow disk,
   * seconds while another program reads the notebook; the app's threads; the REPL) on a thread of
   * its own that is no daemon, so the process ends only once they are done; {@code done} last,
   * whatever failed. A step that fails is logged and the next one runs. Returns that thread.
   */
  static Thread closeInTurn(
      Stage stage, Runnable closeWindow, List<Runnable> after, Runnable done) {
    try {
      closeWindow.run();
    } catch (RuntimeException e) {
      System.getLogger(App.class.getName())
          .log(System.Logger.Level.WARNING, "closing the window", e);
    }
    stage.hide();
    Thread closing =
        new Thread(
            () -> {
              try {
                for (Runnable step : after) {
                  try {
                    step.run();
                  } catch (RuntimeException e) {
                    System.getLogger(App.class.getName())
                        .log(System.Logger.Level.WARNING, "closing the notebook", e);
                  }
                }
              } finally {
                done.run();
              }
            },
            "talkbook-close");
    closing.setDaemon(false);
    closing.start();
    return closing;
  }

  /** The parameters the launcher passes to {@link Application#launch}. */
  public static String[] parameters(Path notebook, boolean readOnly) {
    List<String> args = new java.util.ArrayList<>();
    if (notebook != null) {
      args.add("--notebook=" + notebook);
    }
    if (readOnly) {
      args.add("--read-only");
    }
    return args.toArray(String[]::new);
  }
}
