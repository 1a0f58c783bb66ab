package dev.talkbook.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.details.KeptFields.Kept;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeptFieldsTest {
  /** Texts kept on the base "" (the fields stored empty). */
  private static void putOnEmpty(KeptFields kept, long id, Map<String, String> texts) {
    kept.put(id, texts, name -> List.of(""));
  }

  @Test
  void keptTextsGoThroughTheirLineAndBack() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    putOnEmpty(kept, 7, Map.of("video", "youtu.be/a b:c", "time", "tomorrow  evening"));
    putOnEmpty(kept, 9, Map.of("title", "ünïcode “quoted” %20"));
    KeptFields again = new KeptFields(line.get(), text -> {});
    assertThat(again.of(7))
        .isEqualTo(Map.of("video", "youtu.be/a b:c", "time", "tomorrow  evening"));
    assertThat(again.of(9)).isEqualTo(Map.of("title", "ünïcode “quoted” %20"));
    kept.put(7, Map.of());
    assertThat(new KeptFields(line.get(), text -> {}).of(7)).isEmpty();
    assertThat(new KeptFields("garbage x:y 1:a", text -> {}).of(1)).isEmpty();
  }

  @Test
  void theBasesGoThroughTheLineAndBackEmptyOnesAndColonsIncluded() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    kept.put(
        7,
        Map.of("room", "Hall 2", "title", "A: b"),
        name -> "room".equals(name) ? List.of("", "Hall") : List.of("Old: title"));
    KeptFields again = new KeptFields(line.get(), text -> {});
    assertThat(again.kept(7))
        .isEqualTo(
            Map.of(
                "room", new Kept("Hall 2", List.of("", "Hall")),
                "title", new Kept("A: b", List.of("Old: title"))));
  }

  @Test
  void anEntryAnOlderTalkbookWroteIsReadWithNoBase() {
    // "id:field:text", as the settings hold it from before the bases were written
    KeptFields old = new KeptFields("7:room:Hall+2 7:tags:a%2C+b", text -> {});
    assertThat(old.kept(7))
        .isEqualTo(
            Map.of("room", new Kept("Hall 2", List.of()), "tags", new Kept("a, b", List.of())));
  }

  @Test
  void onlyTheTextsReadFromTheSettingsAreFirstShownSinceTheStartAndOnce() {
    KeptFields kept = new KeptFields("7:room:Hall+2:", text -> {});
    putOnEmpty(kept, 9, Map.of("room", "typed now"));
    assertThat(kept.firstShownSinceStart(9)).isFalse();
    assertThat(kept.firstShownSinceStart(7)).isTrue();
    assertThat(kept.firstShownSinceStart(7)).isFalse();
  }

  /** The stored texts of a talk whose room is "B" and whose tags are "x", the rest empty. */
  private static String stored(String name) {
    return switch (name) {
      case "room" -> "B";
      case "tags" -> "x";
      default -> "";
    };
  }

  private static KeptFields.Sorted sort(Map<String, Kept> entries) {
    return KeptFields.sort(
        entries, KeptFieldsTest::stored, (name, text) -> text.equals(stored(name)));
  }

  @Test
  void aTextTypedOnWhatTheFieldStillStoresIsPutBack() {
    KeptFields.Sorted sorted = sort(Map.of("room", new Kept("Hall 2", List.of("B"))));
    assertThat(sorted.putBack()).isEqualTo(Map.of("room", "Hall 2"));
    assertThat(sorted.changedSince()).isEmpty();
  }

  @Test
  void aTextWhoseFieldChangedSinceIsNotPutBack() {
    Kept typed = new Kept("Hall 2", List.of("A"));
    KeptFields.Sorted sorted = sort(Map.of("room", typed));
    assertThat(sorted.putBack()).isEmpty();
    assertThat(sorted.changedSince()).isEqualTo(Map.of("room", typed));
  }

  @Test
  void aTextTheFieldStoresAlreadyIsDropped() {
    KeptFields.Sorted sorted = sort(Map.of("room", new Kept("B", List.of("A"))));
    assertThat(sorted.putBack()).isEmpty();
    assertThat(sorted.changedSince()).isEmpty();
  }

  @Test
  void aTextTypedWhileASaveWasUnderWayIsPutBackOnEitherBase() {
    // typed on "A" while a save of "B" was under way, and the kill came after that save landed
    KeptFields.Sorted sorted = sort(Map.of("room", new Kept("Hall 2", List.of("A", "B"))));
    assertThat(sorted.putBack()).isEqualTo(Map.of("room", "Hall 2"));
  }

  @Test
  void anOlderTalkbooksTextWithNoBaseIsPutBackAsItWas() {
    KeptFields.Sorted sorted = sort(Map.of("room", new Kept("Hall 2", List.of())));
    assertThat(sorted.putBack()).isEqualTo(Map.of("room", "Hall 2"));
    assertThat(sort(Map.of("room", new Kept("B", List.of()))).putBack()).isEmpty();
  }

  @Test
  void eachFieldIsSortedOnItsOwn() {
    Map<String, Kept> entries = new java.util.LinkedHashMap<>();
    entries.put("title", new Kept("New title", List.of(""))); // still on its base
    entries.put("room", new Kept("Hall 2", List.of("A"))); // changed since (now "B")
    entries.put("tags", new Kept("x", List.of(""))); // stored already
    entries.put("time", new Kept("tomorrow", List.of())); // an older Talkbook's
    KeptFields.Sorted sorted = sort(entries);
    assertThat(sorted.putBack())
        .containsExactly(Map.entry("title", "New title"), Map.entry("time", "tomorrow"));
    assertThat(sorted.changedSince()).containsOnlyKeys("room");
  }

  @Test
  void theTextsOfDeletedTalksAreForgottenAndPutBackWithoutOverwritingNewerOnes() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    putOnEmpty(kept, 7, Map.of("time", "tomorrow"));
    putOnEmpty(kept, 9, Map.of("video", "the recording"));

    KeptFields.Forgotten forgotten = kept.forget(java.util.List.of(7L, 8L));

    assertThat(forgotten.kept())
        .isEqualTo(Map.of(7L, Map.of("time", new Kept("tomorrow", List.of("")))));
    assertThat(kept.talks()).containsExactly(9L);
    assertThat(new KeptFields(line.get(), text -> {}).talks()).containsExactly(9L);
    putOnEmpty(kept, 9, Map.of("video", "typed since"));
    kept.putBack(
        new KeptFields.Forgotten(
            Map.of(
                7L,
                Map.of("time", new Kept("tomorrow", List.of(""))),
                9L,
                Map.of("video", new Kept("the recording", List.of("")))),
            Map.of()));
    assertThat(new KeptFields(line.get(), text -> {}).of(7)).isEqualTo(Map.of("time", "tomorrow"));
    assertThat(kept.of(9)).isEqualTo(Map.of("video", "typed since"));
  }

  /**
   * A text not put back, its field changed since it was typed, was said in the status bar and
   * dropped from the settings at once: a dismissed notice, a closed window or a second kill lost
   * it. It is kept aside, through the settings line, until the notice is dismissed, or the field
   * stores it.
   */
  @Test
  void aTextSetAsideIsKeptThroughTheLineUntilDismissedAndTypingElsewhereKeepsIt() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    Kept typed = new Kept("Hall 2", List.of("Room A"));
    kept.setAside(7, Map.of("room", typed));
    putOnEmpty(kept, 7, Map.of("tags", "typed since")); // the talk's own typing: a text apart
    kept.put(7, Map.of()); // that typing stored

    KeptFields again = new KeptFields(line.get(), text -> {}); // a restart, or a kill
    assertThat(again.aside(7)).isEqualTo(Map.of("room", typed));
    assertThat(again.kept(7)).isEmpty(); // not put back: its field changed since
    assertThat(again.talks()).containsExactly(7L);
    assertThat(again.asideFirstShownSinceStart(7)).isTrue(); // said again at its first show
    assertThat(again.asideFirstShownSinceStart(7)).isFalse();
    assertThat(kept.asideFirstShownSinceStart(7)).isFalse(); // said already in this window

    kept.dropAside(7, Map.of("room", new Kept("Hall 2", List.of("other"))));
    assertThat(new KeptFields(line.get(), text -> {}).aside(7)).containsKey("room"); // not said
    kept.dropAside(7, Map.of("room", typed)); // the notice dismissed
    assertThat(new KeptFields(line.get(), text -> {}).aside(7)).isEmpty();
    assertThat(line.get()).isEmpty();

    kept.setAside(7, Map.of("room", typed));
    kept.takenAside(7, (name, text) -> "room".equals(name) && "Hall 2".equals(text));
    assertThat(new KeptFields(line.get(), text -> {}).talks()).isEmpty(); // the field stores it
  }

  @Test
  void aTextSetAsideIsWrittenAfterTheKeptOnesMarkedAside() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    putOnEmpty(kept, 9, Map.of("time", "tomorrow"));
    kept.setAside(7, Map.of("room", new Kept("Hall 2", List.of("Room A"))));
    // an older Talkbook reads "aside" as a talk id, fails, and skips the entry
    assertThat(line.get()).isEqualTo("9:time:tomorrow: aside:7:room:Hall+2:Room+A");
  }
}
