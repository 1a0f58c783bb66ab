package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor keeps each talk's undo history while other notes are shown, within bounds, and takes
 * it up only for the same notes; notes of no talk keep none.
 */
@ExtendWith(ApplicationExtension.class)
class UndoHistoriesTest {
  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 200, 100));
  }

  private EditorView editor() throws Exception {
    return FxWait.onFx(() -> new EditorView(pasted -> {}));
  }

  /**
   * Shows talk {@code talk}'s {@code text}, types {@code typed} at its end, and returns the text.
   */
  private static String loadAndType(EditorView editor, long talk, String text, String typed)
      throws Exception {
    return FxWait.onFx(
        () -> {
          editor.load(talk, text, null);
          editor.area().appendText(typed);
          return editor.area().getText();
        });
  }

  private static boolean undoable(EditorView editor, long talk, String text) throws Exception {
    return FxWait.onFx(
        () -> {
          editor.load(talk, text, null);
          return editor.area().isUndoAvailable();
        });
  }

  @Test
  void aTalkLeftAndOpenedAgainUndoesWhatWasTypedThere() throws Exception {
    EditorView editor = editor();
    String one = loadAndType(editor, 1, "one", "!");
    loadAndType(editor, 2, "two", "?");
    String undone =
        FxWait.onFx(
            () -> {
              editor.load(1L, one, null);
              editor.area().undo();
              String text = editor.area().getText();
              editor.area().undo(); // nothing more: talk 2's change is not in this history
              return text + "|" + editor.area().getText();
            });
    assertThat(undone).isEqualTo("one|one");
  }

  @Test
  void notesThatCameBackChangedStartAFreshHistory() throws Exception {
    EditorView editor = editor();
    loadAndType(editor, 1, "one", "!");
    loadAndType(editor, 2, "two", "?");
    assertThat(undoable(editor, 1, "one?")).isFalse(); // same length, other text
    assertThat(FxWait.onFx(() -> editor.area().getText())).isEqualTo("one?");
  }

  @Test
  void notesOfNoTalkKeepNoHistory() throws Exception {
    EditorView editor = editor();
    String text =
        FxWait.onFx(
            () -> {
              editor.load("plain");
              editor.area().appendText("!");
              return editor.area().getText();
            });
    loadAndType(editor, 2, "two", "?");
    assertThat(
            FxWait.onFx(
                () -> {
                  editor.load(text);
                  return editor.area().isUndoAvailable();
                }))
        .isFalse();
  }

  @Test
  void onlyTheTalksLeftMostRecentlyKeepTheirHistories() throws Exception {
    EditorView editor = editor();
    String first = loadAndType(editor, 0, "talk 0", "!");
    for (long talk = 1; talk <= UndoHistories.KEPT_TALKS; talk++) {
      loadAndType(editor, talk, "talk " + talk, "!");
    }
    // Talk 0 was left KEPT_TALKS talks ago, talk 1 one fewer: both still kept, then talk 0 goes.
    assertThat(undoable(editor, 1, "talk 1!")).isTrue();
    assertThat(undoable(editor, 0, first)).isFalse();
  }

  @Test
  void keptHistoriesHoldABoundedAmountOfText() throws Exception {
    EditorView editor = editor();
    String big = "x".repeat((int) (UndoHistories.KEPT_CHARS / 2) + 1);
    String first = loadAndType(editor, 1, "one", big);
    String second = loadAndType(editor, 2, "two", big);
    loadAndType(editor, 3, "three", "!");
    // Together the two large histories hold more than the bound: the older went.
    assertThat(undoable(editor, 2, second)).isTrue();
    assertThat(undoable(editor, 1, first)).isFalse();
  }
}
