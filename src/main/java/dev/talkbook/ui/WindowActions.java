package dev.talkbook.ui;

import dev.talkbook.core.exchange.AgendaExporter;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkLink;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookLocation;
import dev.talkbook.ui.agenda.NowAndNextView;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.exchange.ScheduleImportDialog;
import dev.talkbook.ui.export.MarkdownExportDialog;
import dev.talkbook.ui.export.MarkdownImportDialog;
import dev.talkbook.ui.export.SiteExportDialog;
import dev.talkbook.ui.help.AboutDialog;
import dev.talkbook.ui.help.ShortcutsDialog;
import dev.talkbook.ui.history.HistoryDialog;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.palette.MenuActions;
import dev.talkbook.ui.palette.PaletteEntry;
import dev.talkbook.ui.palette.PalettePopup;
import dev.talkbook.ui.search.SearchView;
import dev.talkbook.ui.talk.OpenTalk;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * What the window's menus do beyond a one-line call: the export and import dialogs (built when
 * chosen), the agenda, history, the quick switcher and command palette, find. Each saves the open
 * talk first where the action reads the notebook.
 */
final class WindowActions {
  private final Stage stage;
  private final Notebook notebook;
  private final UiExecutors executors;
  private final Settings settings;

  /** Help → Keyboard shortcuts, while it is open. */
  private ShortcutsDialog shortcuts;

  private final Theme theme;
  private final WindowHost host;
  private final OpenTalk talk;
  private final EditorView editor;
  private final NavigatorView navigator;
  private final dev.talkbook.ui.details.TalkDetailsPane details;
  private final SearchView search;
  private final StatusBar status;
  private final java.util.function.LongFunction<java.util.concurrent.CompletionStage<?>> open;
  private final Consumer<Long> reload;
  private final Consumer<List<EditorView.Pasted>> attach;

  /**
   * @param open opens a talk by id
   * @param reload reads the notebook again after an import and selects the event given, the one the
   *     import went into (null: the selected row stays selected)
   * @param attach stores files with the open talk and links them at the caret, as a paste or a drop
   *     does
   */
  WindowActions(
      WindowParts parts,
      java.util.function.LongFunction<java.util.concurrent.CompletionStage<?>> open,
      Consumer<Long> reload,
      Consumer<List<EditorView.Pasted>> attach) {
    this.stage = parts.stage();
    this.notebook = parts.notebook();
    this.executors = parts.executors();
    this.settings = parts.settings();
    this.theme = parts.theme();
    this.host = parts.host();
    this.talk = parts.talk();
    this.editor = parts.editor();
    this.navigator = parts.navigator();
    this.details = parts.details();
    this.search = parts.search();
    this.status = parts.status();
    this.open = open;
    this.reload = reload;
    this.attach = attach;
    // A talk moved (dragged, or Move to event…) is said in the status bar with Undo, as a rename
    // or a delete is; Move to event… picks the event with the keyboard chooser.
    navigator.onMoved(status::offerUndo);
    navigator.onMoveBackRefused(status::showMessage);
    navigator.onChoosingEvent(this::chooseEvent);
    editor.area().plainTextChanges().subscribe(change -> notesChangedAt = System.nanoTime());
    // The notes take Ctrl+Z themselves (the menu's key never reaches Edit → Undo from there)
    editor
        .area()
        .addEventFilter(
            javafx.scene.input.KeyEvent.KEY_PRESSED,
            e -> {
              if (UNDO_KEY.match(e) && offerIsNewer() && status.undoOffer()) {
                e.consume();
              }
            });
  }

  private static final javafx.scene.input.KeyCombination UNDO_KEY =
      new javafx.scene.input.KeyCodeCombination(
          javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

  /**
   * Whether what the status bar offers to undo is a tag renamed from the menu (which hands the
   * keyboard back to the notes; no other offer claims the notes' Ctrl+Z) done after the notes last
   * changed: Ctrl+Z in the notes then takes that back, not the typing before it.
   */
  private boolean offerIsNewer() {
    return status.offerClaimsNotesUndo() && status.undoOfferedAt() - notesChangedAt > 0;
  }

  /** When the notes' text last changed ({@link System#nanoTime}), for {@link #undo}. */
  private long notesChangedAt = System.nanoTime();

  /**
   * Move to event…'s chooser: the events a talk may go to, narrowed as one types (title, dates,
   * place); Enter moves it, Esc leaves. With no other event, the status bar says so.
   */
  private void chooseEvent(
      String talkTitle,
      List<dev.talkbook.core.notebook.Event> events,
      java.util.function.LongConsumer chosen) {
    if (events.isEmpty()) {
      status.showMessage(
          "\u201c" + talkTitle + "\u201d has no other event to go to: make one first (New event).");
      return;
    }
    List<PaletteEntry<Long>> entries = new java.util.ArrayList<>();
    for (var e : events) {
      String dates =
          e.start()
              .map(
                  start ->
                      e.end()
                          .filter(end -> !end.equals(start))
                          .map(end -> start + " to " + end)
                          .orElse(start.toString()))
              .orElse("");
      entries.add(
          new PaletteEntry<>(
              e.id(), e.title(), dates, e.location() == null ? "" : e.location(), ""));
    }
    PalettePopup.show(
        stage,
        "Move \u201c" + talkTitle + "\u201d to event",
        "Move \u201c" + talkTitle + "\u201d to: type part of an event's name",
        entries,
        id -> chosen.accept(id));
  }

  /**
   * Edit → Attach file…: the keyboard's way to what dropping a file on the notes does. The files
   * chosen go through the same path (size limits, messages), their links at the caret.
   */
  void attachFile() {
    if (talk.getTalk() == null) {
      status.showMessage("Open a talk first: files are attached to a talk's notes.");
      return;
    }
    List<Path> files = host.chooseFilesToAttach(stage);
    if (!files.isEmpty()) {
      attach.accept(files.stream().map(EditorView.Pasted::of).toList());
    }
    editor.area().requestFocus();
  }

  // ---- publishing and exchange

  void exportSite() {
    talk.saveNow();
    Path file = notebook.file();
    String folder = settings.get(Settings.siteFolder(file));
    SiteExportDialog.Choices last =
        new SiteExportDialog.Choices(
            folder.isEmpty() ? SiteExportDialog.defaultFolder(file).toString() : folder,
            settings.get(Settings.siteTitle(file)),
            settings.get(Settings.siteUrl(file)));
    new SiteExportDialog(
            stage,
            notebook,
            SiteExportDialog.exporter(),
            LongJob.ownThread("talkbook-export"),
            Platform::runLater,
            last,
            chosen -> {
              settings.put(Settings.siteFolder(file), chosen.folder());
              settings.put(Settings.siteTitle(file), chosen.title());
              settings.put(Settings.siteUrl(file), chosen.baseUrl());
            },
            host::openLink)
        .show();
  }

  /** Runs {@code then} on the FX thread once the open talk's latest notes are saved (or not). */
  private void afterSaving(Runnable then) {
    talk.saveNow().whenComplete((saved, error) -> Platform.runLater(then));
  }

  /** File → Export Markdown…: a dialog with the folder to type (the last one, else beside). */
  void exportMarkdown() {
    Path file = notebook.file();
    String last = settings.get(Settings.markdownExportFolder(file));
    afterSaving(
        () ->
            new MarkdownExportDialog(
                    stage,
                    notebook,
                    last.isEmpty() ? MarkdownExportDialog.defaultFolder(file).toString() : last,
                    chosen -> settings.put(Settings.markdownExportFolder(file), chosen.toString()),
                    LongJob.ownThread("talkbook-export"),
                    Platform::runLater)
                .show());
  }

  /** File → Import Markdown…: a dialog with the folder to type (the last one imported from). */
  void importMarkdown() {
    Path file = notebook.file();
    String last = settings.get(Settings.markdownImportFolder(file));
    afterSaving(
        () ->
            new MarkdownImportDialog(
                    stage,
                    notebook,
                    last,
                    chosen -> settings.put(Settings.markdownImportFolder(file), chosen.toString()),
                    LongJob.ownThread("talkbook-import"),
                    Platform::runLater,
                    // What was imported is shown: the first event its talks went into.
                    report -> reload.accept(report.events().stream().findFirst().orElse(null)))
                .show());
  }

  void importSchedule() {
    talk.saveNow();
    ScheduleImportDialog dialog =
        new ScheduleImportDialog(
            stage,
            notebook,
            ScheduleImportDialog.defaultFetcher(),
            host.clock(),
            LongJob.ownThread("talkbook-import"),
            Platform::runLater,
            report -> reload.accept(report.eventId()));
    theme.apply(dialog.stage().getScene());
    dialog.show();
  }

  /**
   * File → New notebook…: a file the user names (".talkbook" added unless the name ends with it) is
   * created and opened in this window. An existing file is never taken for it: the user is told to
   * open it instead, or choose another name.
   */
  void newNotebook() {
    Path chosen = host.chooseNewNotebook();
    if (chosen == null) {
      return;
    }
    Path file = NotebookLocation.withExtension(chosen.toAbsolutePath().normalize());
    if (Files.exists(file)) {
      Errors.show(
          stage,
          "Not created",
          new NotebookException(
              file
                  + " is there already. Choose a new name, or open it with File → Open"
                  + " notebook…"));
      return;
    }
    host.openNotebook(file, true);
  }

  /**
   * File → Open recent: the other notebooks the window opened, newest first, each as its file's
   * name and folder; filled again each time it shows, disabled when there is none.
   */
  Menu recentMenu() {
    Menu menu = new Menu("Open recent");
    menu.setId("open-recent");
    fillRecent(menu);
    menu.setOnShowing(e -> fillRecent(menu));
    return menu;
  }

  private void fillRecent(Menu menu) {
    Path current = notebook.file().toAbsolutePath().normalize();
    List<MenuItem> items = new java.util.ArrayList<>();
    for (Path p : RecentNotebooks.list(settings)) {
      if (!p.equals(current)) {
        Path folder = p.getParent();
        MenuItem item = new MenuItem(p.getFileName() + (folder == null ? "" : "  —  " + folder));
        item.setMnemonicParsing(false);
        item.setOnAction(e -> openRecent(menu, p));
        items.add(item);
      }
    }
    menu.getItems().setAll(items);
    menu.setDisable(items.isEmpty());
  }

  private void openRecent(Menu menu, Path file) {
    if (!Files.isRegularFile(file)) {
      RecentNotebooks.forget(settings, file);
      fillRecent(menu);
      Errors.show(
          stage,
          "Not opened",
          new NotebookException(
              file
                  + " is not there any more: moved, renamed, deleted, or on a drive that is not"
                  + " attached. It is taken off the list; open it where it is now with File → Open"
                  + " notebook…"));
      return;
    }
    host.openNotebook(file, false);
  }

  void exportAgenda() {
    java.nio.file.Path chosen =
        host.chooseFileToSave("Save your agenda (the starred talks) as iCalendar", "my-agenda.ics");
    if (chosen == null) {
      return;
    }
    File file = chosen.toFile();
    executors.run(
        () -> new AgendaExporter(host.clock()).export(notebook, file.toPath()),
        r ->
            status.showMessage(
                "Wrote "
                    + r.written()
                    + " starred talk"
                    + (r.written() == 1 ? "" : "s")
                    + " to "
                    + file.getName()
                    + (r.withoutTime() > 0
                        ? " (" + r.withoutTime() + " without a time left out)"
                        : "")),
        error -> Errors.show(stage, "Could not export the agenda", error));
  }

  /** View → Now and next: what is on in each room, from the host's clock. */
  void nowAndNext() {
    NowAndNextView view = new NowAndNextView(stage, notebook, executors, host.clock(), open::apply);
    theme.apply(view.stage().getScene());
    view.show();
  }

  // ---- going places

  /** Ctrl+P: the talks by title, speaker or event, each with its event beside it. */
  void quickSwitcher() {
    // Shown at once, the talks read meanwhile: what is typed right after Ctrl+P goes into it.
    PalettePopup<Long> popup =
        PalettePopup.showLoading(
            stage,
            "Go to a talk",
            "Go to a talk: part of its title, a speaker or the event",
            "Listing the talks\u2026",
            id -> open.apply(id)); // the keys typed after Enter wait for the talk's notes
    // and are journaled for it meanwhile; dropped (the talk could not be opened), their text goes
    // on the clipboard, said in the status bar
    popup.typedAheadTo(id -> TypedAheadKept.of(talk.typedAhead(id), id, status, notebook.file()));
    listTalks(popup, new java.util.HashMap<>());
  }

  /**
   * Edit → Link to talk… (Ctrl+K): the talks as Go to talk lists them; the chosen one's link,
   * {@code [Title](talk:ID)}, goes into the notes at the caret (over the selection), undone with
   * Ctrl+Z. The preview opens that talk on a click, the site links its page.
   */
  /** Said when something would go into notes that cannot be changed (shown cut, read-only). */
  static final String NOTES_READ_ONLY = "These notes are read-only here:";

  void linkToTalk() {
    Talk into = talk.getTalk();
    if (into == null) {
      return;
    }
    if (!editor.area().isEditable()) {
      // Notes shown cut (or a read-only window): a link put in them would never be saved.
      status.showMessage(NOTES_READ_ONLY + " no link was added.");
      return;
    }
    java.util.Map<Long, String> titles = new java.util.concurrent.ConcurrentHashMap<>();
    PalettePopup<Long> popup =
        PalettePopup.showLoading(
            stage,
            "Link to a talk",
            "Link to a talk: part of its title, a speaker or the event",
            "Listing the talks\u2026",
            id -> {
              Talk shown = talk.getTalk();
              if (shown == null || shown.id() != into.id()) {
                status.showMessage("Not linked: another talk is open now.");
              } else if (!editor.area().isEditable()) {
                status.showMessage(NOTES_READ_ONLY + " no link was added.");
              } else {
                editor.area().replaceSelection(TalkLink.markdown(id, titles.getOrDefault(id, "")));
                editor.area().requestFocus();
              }
              return java.util.concurrent.CompletableFuture.completedFuture(null);
            });
    listTalks(popup, titles);
  }

  /**
   * Lists the talks in {@code popup} (read off the FX thread), each with its speakers and event, as
   * Go to talk and Link to talk show them; their titles by id go into {@code titles}.
   */
  private void listTalks(PalettePopup<Long> popup, java.util.Map<Long, String> titles) {
    executors.run(
        () -> {
          java.util.Map<Long, String> events = new java.util.HashMap<>();
          notebook.events().list().forEach(e -> events.put(e.id(), e.title()));
          List<PaletteEntry<Long>> talks = new java.util.ArrayList<>();
          java.util.Locale locale = dev.talkbook.core.common.DateTimeText.userLocale();
          for (var t : notebook.talks().summaries()) {
            titles.put(t.id(), t.title());
            // its day and time after the speakers: at a conference, "Loom" and "Loom (part 2)",
            // or a talk given on both days, are told apart by when they are
            String speakers = dev.talkbook.ui.common.BidiText.kept(String.join(", ", t.speakers()));
            String when =
                t.startsAt() == null
                    ? ""
                    : dev.talkbook.core.common.DateTimeText.shortDay(
                            t.startsAt().toLocalDate(), locale)
                        + " "
                        + dev.talkbook.core.common.DateTimeText.CLOCK.format(t.startsAt());
            talks.add(
                new PaletteEntry<>(
                    t.id(),
                    t.title(),
                    speakers.isEmpty() || when.isEmpty()
                        ? speakers + when
                        : speakers + " · " + when,
                    events.getOrDefault(t.eventId(), ""),
                    ""));
          }
          return talks;
        },
        popup::setEntries,
        error -> {
          popup.close();
          Errors.show(stage, "Could not list the talks", error);
        });
  }

  /** Edit → Cut, Copy, Paste, Select all: what they do to the text that has the focus. */
  enum Clip {
    CUT,
    COPY,
    PASTE,
    SELECT_ALL
  }

  /**
   * Whether {@code clip} applies to the focused control: a text field or area, the notes, the
   * REPL's input (cut and paste only where one may type), the preview (copy and select all);
   * nothing else (the tree, a button).
   */
  boolean clipApplies(Clip clip) {
    Node focused = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
    boolean editable;
    if (focused instanceof javafx.scene.control.TextInputControl t) {
      editable = t.isEditable();
    } else if (focused instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?> a) {
      editable = a.isEditable();
    } else if (focused instanceof WebView) {
      editable = false;
    } else {
      return false;
    }
    return editable || clip == Clip.COPY || clip == Clip.SELECT_ALL;
  }

  /**
   * Does {@code clip} to the focused text, as its own keys would (nothing where it does not apply).
   */
  void clip(Clip clip) {
    if (!clipApplies(clip)) {
      return;
    }
    Node focused = stage.getScene().getFocusOwner();
    if (focused instanceof javafx.scene.control.TextInputControl t) {
      switch (clip) {
        case CUT -> t.cut();
        case COPY -> t.copy();
        case PASTE -> t.paste();
        case SELECT_ALL -> t.selectAll();
      }
    } else if (focused instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?> a) {
      switch (clip) {
        case CUT -> a.cut();
        case COPY -> a.copy();
        case PASTE -> {
          if (a == editor.area()) {
            editor.paste(); // an image or a file, as Ctrl+V there
          } else {
            a.paste();
          }
        }
        case SELECT_ALL -> a.selectAll();
      }
    } else if (focused instanceof WebView web) {
      switch (clip) {
        case COPY -> copySelection(web);
        case SELECT_ALL -> web.getEngine().executeScript("document.execCommand('selectAll')");
        case CUT, PASTE -> {} // a page is read-only: clipApplies said no
      }
    }
  }

  /**
   * The page's selection as the page's own Ctrl+C copies it: its text, and its HTML for a target
   * that takes formatting. Nothing is copied (the clipboard is kept) when nothing is selected.
   */
  private static void copySelection(WebView web) {
    Object text = web.getEngine().executeScript("window.getSelection().toString()");
    if (!(text instanceof String plain) || plain.isEmpty()) {
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(plain);
    if (web.getEngine().executeScript(SELECTION_HTML) instanceof String html && !html.isEmpty()) {
      content.putHtml(html);
    }
    Clipboard.getSystemClipboard().setContent(content);
  }

  private static final String SELECTION_HTML =
      """
      (function () {
        var selection = window.getSelection(), box = document.createElement('div');
        for (var i = 0; i < selection.rangeCount; i++) {
          box.appendChild(selection.getRangeAt(i).cloneContents());
        }
        return box.innerHTML;
      })()""";

  /** Help → Keyboard shortcuts: every menu key, read from the menus (one window, shown again). */
  void shortcuts(javafx.scene.control.MenuBar menus) {
    if (shortcuts == null || !shortcuts.isShowing()) {
      List<ShortcutsDialog.Shortcut> keys = new java.util.ArrayList<>();
      MenuActions.visit(
          menus.getMenus(),
          (path, item) -> {
            if (item.getAccelerator() != null) {
              keys.add(
                  new ShortcutsDialog.Shortcut(
                      path,
                      MenuActions.label(item),
                      item.getAccelerator().getDisplayText(),
                      MenuActions.wordsOf(item)));
            }
          });
      shortcuts = new ShortcutsDialog(stage, keys);
      shortcuts.show();
    } else {
      ((Stage) shortcuts.getDialogPane().getScene().getWindow()).toFront();
      shortcuts.getDialogPane().getScene().getWindow().requestFocus();
    }
  }

  /** Help → About Talkbook. */
  void about() {
    new AboutDialog(stage, notebook.file(), settings.file()).show();
  }

  /** Ctrl+Shift+P: every enabled menu action, with its menu path and shortcut. */
  void commandPalette(javafx.scene.control.MenuBar menus) {
    PalettePopup.show(
        stage,
        "Command palette: find an action",
        "Type an action: \u201ctheme\u201d, \u201cexport\u201d, \u201crepl\u201d…",
        MenuActions.entries(menus.getMenus()),
        WindowActions::choose);
  }

  /**
   * What a click on the item in its menu does: a check item is flipped first (the menu's skin does
   * that on a click, {@code fire()} alone does not), a radio item chosen; then its action runs.
   */
  static void choose(MenuItem item) {
    if (item instanceof javafx.scene.control.RadioMenuItem r) {
      r.setSelected(true);
    } else if (item instanceof javafx.scene.control.CheckMenuItem c) {
      c.setSelected(!c.isSelected());
    }
    item.fire();
  }

  /**
   * Edit → Rename tag…: a tag renamed (or merged into another) on every talk that carries it, said
   * in the status bar with Undo, which gives every one of those talks its tags back. A tester had
   * to edit each talk. What the details hold unsaved is saved first (the notebook's thread keeps
   * the order).
   */
  void renameTag() {
    details.save();
    Talk open = talk.getTalk();
    String first =
        open == null || open.details().tags().isEmpty() ? null : open.details().tags().get(0);
    executors.run(
        () -> notebook.talks().tags(),
        tags -> {
          if (tags.isEmpty()) {
            status.showMessage("No tags yet: type them into a talk's Tags field (its details).");
            return;
          }
          new dev.talkbook.ui.details.TagRenameDialog(stage, tags, first)
              .showAndWait()
              .ifPresent(
                  chosen ->
                      executors.run(
                          () -> notebook.talks().renameTag(chosen.from(), chosen.to()),
                          done -> {
                            reload.accept(null);
                            status.offerUndo(done.message(), () -> undoTagRename(done), true);
                          },
                          error -> Errors.show(stage, "Could not rename the tag", error)));
        },
        error -> Errors.show(stage, "Could not read the tags", error));
  }

  private void undoTagRename(dev.talkbook.core.notebook.TagRename done) {
    details.save();
    executors.run(
        () -> {
          notebook.talks().undo(done);
          return null;
        },
        nothing -> {
          reload.accept(null);
          status.showMessage("Tag “" + done.to() + "” is “" + done.from() + "” again.");
        },
        error -> Errors.show(stage, "Could not undo the tag's rename", error));
  }

  /**
   * Edit → Undo (Ctrl+Z): with the keyboard in the notes, their undo; elsewhere (the navigator,
   * after a delete or a rename), what the status bar offers to undo, as its Undo link does. A talk
   * deleted with Del came back only by that link, 5 Tabs away and gone within half a minute.
   */
  void undo() {
    boolean inNotes = stage.getScene() != null && stage.getScene().getFocusOwner() == editor.area();
    // in the notes, their undo unless what the status bar offers was done after their last change
    boolean notesLast = inNotes && !offerIsNewer();
    if ((notesLast || !status.undoOffer()) && talk.getTalk() != null) {
      editor.area().undo();
    }
  }

  /**
   * Edit → Star: in the navigator, the talk selected there when the key was pressed; elsewhere the
   * open talk, else the talk selected in the navigator. (Down, Ctrl+D pressed fast starred the talk
   * still open while the selected one was being read, and took a star off the one starred before.)
   */
  void toggleStar() {
    if (talk.getTalk() != null && !navigator.tree().isFocused()) {
      details.toggleStar();
    } else {
      navigator.toggleStarSelected();
    }
  }

  /** Go → History: the open talk's revisions; a restored one replaces the notes, undoably. */
  void history() {
    Talk open = talk.getTalk();
    if (open == null) {
      return;
    }
    talk.saveNow();
    new HistoryDialog(stage, notebook, executors, open, talk.getText(), talk::restored).show();
  }

  /** Ctrl+F: search the notebook from the navigator, find in the notes from anywhere else. */
  void find() {
    Node focus = stage.getScene().getFocusOwner();
    boolean inNavigator = false;
    for (Node n = focus; n != null; n = n.getParent()) {
      if (n == navigator.root() || n == search.resultsPane()) {
        inNavigator = true;
        break;
      }
    }
    if (inNavigator || talk.getTalk() == null) {
      search.focus();
    } else {
      editor.showFind(false);
    }
  }

  /** Runs an outliner command on the open talk's notes (menu and palette). */
  void outline(BooleanSupplier command) {
    if (talk.getTalk() != null) {
      command.getAsBoolean();
      editor.area().requestFocus();
    }
  }
}
