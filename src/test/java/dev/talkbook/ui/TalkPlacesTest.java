package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.editor.EditorView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The places kept across restarts: each talk's, for the {@link TalkPlaces#LIMIT} talks visited most
 * recently, in a file of the notebook's own; a file that is not one of these is ignored.
 */
class TalkPlacesTest {
  @TempDir Path config;

  private final Path notebook = Path.of("/somewhere/notes.talkbook");

  private static EditorView.Place at(int caret) {
    return new EditorView.Place(caret, caret, caret / 10);
  }

  @Test
  void placesWrittenAreReadBack() {
    TalkPlaces places = TalkPlaces.load(config, notebook);
    places.put(7, new EditorView.Place(3, 12, 1));
    places.put(9, at(40));
    places.flush();

    TalkPlaces again = TalkPlaces.load(config, notebook);
    assertThat(again.get(7)).isEqualTo(new EditorView.Place(3, 12, 1));
    assertThat(again.get(9)).isEqualTo(at(40));
    assertThat(again.get(8)).isNull();
    assertThat(again.file()).startsWith(config.resolve("places"));
  }

  @Test
  void onlyTheMostRecentlyVisitedTalksAreKept() {
    TalkPlaces places = TalkPlaces.load(config, notebook);
    for (long talk = 1; talk <= TalkPlaces.LIMIT; talk++) {
      places.put(talk, at((int) talk));
    }
    places.visited(1); // visited again: now the most recent
    places.put(TalkPlaces.LIMIT + 1, at(5));
    places.flush();

    TalkPlaces again = TalkPlaces.load(config, notebook);
    assertThat(again.get(1)).isEqualTo(at(1));
    assertThat(again.get(2)).isNull(); // the least recently visited went
    assertThat(again.get(3)).isEqualTo(at(3));
    assertThat(again.get(TalkPlaces.LIMIT + 1)).isEqualTo(at(5));
  }

  @Test
  void eachNotebookHasItsOwnPlaces() {
    TalkPlaces one = TalkPlaces.load(config, notebook);
    one.put(1, at(10));
    one.flush();
    TalkPlaces other = TalkPlaces.load(config, Path.of("/elsewhere/notes.talkbook"));
    assertThat(other.get(1)).isNull();
    assertThat(other.file()).isNotEqualTo(one.file());
  }

  /** Writes {@code text} where the notebook's places go. */
  private Path writeFile(String text) throws Exception {
    Path file = TalkPlaces.load(config, notebook).file();
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void linesThatDoNotReadAreSkipped() throws Exception {
    writeFile(
        String.join(
            "\n",
            TalkPlaces.HEADER,
            "notebook " + notebook.toAbsolutePath().normalize(),
            "1 2 3 4",
            "two 2 3 4",
            "5 -1 3 4",
            "6 1 2",
            "",
            "7 99999999999 1 1",
            "8 5 6 7"));
    TalkPlaces places = TalkPlaces.load(config, notebook);
    assertThat(places.get(1)).isEqualTo(new EditorView.Place(2, 3, 4));
    assertThat(places.get(5)).isNull();
    assertThat(places.get(6)).isNull();
    assertThat(places.get(7)).isNull();
    assertThat(places.get(8)).isEqualTo(new EditorView.Place(5, 6, 7));
  }

  @Test
  void aCorruptFileIsIgnoredAndReplaced() throws Exception {
    byte[] garbage = new byte[4096];
    new java.util.Random(42).nextBytes(garbage);
    Path file = TalkPlaces.load(config, notebook).file();
    Files.createDirectories(file.getParent());
    Files.write(file, garbage);

    TalkPlaces places = TalkPlaces.load(config, notebook);
    assertThat(places.isEmpty()).isTrue();
    places.put(3, at(30));
    places.flush();
    assertThat(TalkPlaces.load(config, notebook).get(3)).isEqualTo(at(30));
  }

  @Test
  void aFileOfAnotherKindOrAnotherNotebookIsIgnored() throws Exception {
    for (String text :
        List.of(
            "width=1200\nheight=760\n",
            "talkbook-places 99\nnotebook " + notebook.toAbsolutePath().normalize() + "\n1 2 3 4\n",
            TalkPlaces.HEADER + "\nnotebook /another/notes.talkbook\n1 2 3 4\n",
            "")) {
      writeFile(text);
      assertThat(TalkPlaces.load(config, notebook).get(1)).as(text).isNull();
    }
  }

  @Test
  void aFileTooLargeToBePlacesIsIgnored() throws Exception {
    StringBuilder text =
        new StringBuilder(TalkPlaces.HEADER)
            .append("\nnotebook ")
            .append(notebook.toAbsolutePath().normalize())
            .append('\n');
    while (text.length() < 300 * 1024) {
      text.append("1 2 3 4\n");
    }
    writeFile(text.toString());
    assertThat(TalkPlaces.load(config, notebook).isEmpty()).isTrue();
  }

  @Test
  void aFolderWhereTheFileGoesCostsOnlyThePlaces() throws Exception {
    Path file = TalkPlaces.load(config, notebook).file();
    Files.createDirectories(file.resolve("inside"));
    TalkPlaces places = TalkPlaces.load(config, notebook);
    assertThat(places.isEmpty()).isTrue();
    places.put(1, at(10));
    places.flush(); // logged, not thrown
    assertThat(places.get(1)).isEqualTo(at(10));
  }

  @Test
  void changesAreWrittenOnTheExecutorGiven() {
    TalkPlaces places = TalkPlaces.load(config, notebook);
    List<Runnable> asked = new java.util.ArrayList<>();
    places.writeChangesOn(asked::add);
    places.put(1, at(10));
    places.put(2, at(20));
    assertThat(asked).hasSize(1); // one write for the burst
    assertThat(Files.exists(places.file())).isFalse();
    asked.get(0).run();
    assertThat(TalkPlaces.load(config, notebook).get(2)).isEqualTo(at(20));
  }

  @Test
  void aFileWrittenByEarlierVersionsIsFoundByItsName() throws Exception {
    // printf '/home/ada/talks.talkbook' | sha256sum | cut -c1-24
    Path earlier =
        Files.createDirectories(config.resolve("places"))
            .resolve("d3d3c6c23a3cb0b6368811f3.places");
    Files.writeString(
        earlier, TalkPlaces.HEADER + "\nnotebook /home/ada/talks.talkbook\n4 40 40 4\n");
    TalkPlaces places = TalkPlaces.load(config, Path.of("/home/ada/talks.talkbook"));
    assertThat(places.file()).isEqualTo(earlier);
    assertThat(places.get(4)).isEqualTo(at(40));
  }
}
