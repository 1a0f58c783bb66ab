package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.details.TalkDetailsPane;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.search.SearchView;
import dev.talkbook.ui.talk.OpenTalk;
import javafx.stage.Stage;

/**
 * The main window's parts, as its helpers ({@link TalkScreen}, {@link WindowActions}, …) get them.
 */
record WindowParts(
    Stage stage,
    Notebook notebook,
    UiExecutors executors,
    Settings settings,
    Theme theme,
    WindowHost host,
    OpenTalk talk,
    EditorView editor,
    TalkDetailsPane details,
    PreviewView preview,
    NavigatorView navigator,
    SearchView search,
    StatusBar status) {}
