package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.FileChooser.ExtensionFilter;
import org.junit.jupiter.api.Test;

/** The save dialog lists the user's files of the kind being saved (tester10a #1). */
class SaveDialogFiltersTest {

  private static String first(String name) {
    ExtensionFilter f = App.filtersFor(name).get(0);
    return f.getDescription() + " " + f.getExtensions();
  }

  @Test
  void anAgendaIsSavedAsICalendarNotMarkdown() {
    assertThat(first("my-agenda.ics")).isEqualTo("iCalendar [*.ics]");
    assertThat(first("Agenda.ICS")).isEqualTo("iCalendar [*.ics]");
  }

  @Test
  void notesAreSavedAsMarkdownAndAnythingElseUnderAllFiles() {
    assertThat(first("unsaved-notes.md")).isEqualTo("Markdown [*.md]");
    assertThat(App.filtersFor("notes.md")).hasSize(2);
    assertThat(first("backup.talkbook")).isEqualTo("All files [*]");
  }
}
