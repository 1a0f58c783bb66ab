package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import org.junit.jupiter.api.Test;

/** {@code talkbook tag rename}: a tester renamed a tag by editing each talk. */
class TagCommandTest extends CliTest {

  private Talk talk(long id) {
    return peek(nb -> nb.talks().get(id));
  }

  @Test
  void renameRenamesTheTagOnEveryTalkAndSaysOnHowMany() {
    long event = addEvent("Meetup");
    ok("talk", "add", "--event", Long.toString(event), "Interop", "--tag", "kotlin");
    ok("talk", "add", "--event", Long.toString(event), "Coroutines", "--tag", "kotlin");

    Result r = ok("tag", "rename", "kotlin", "Kotlin");

    assertOut(r).isEqualToIgnoringNewLines("Renamed the tag “kotlin” to “Kotlin” on 2 talks.");
    assertThat(talk(1).details().tags()).containsExactly("Kotlin");
    assertThat(talk(2).details().tags()).containsExactly("Kotlin");
    assertOut(ok("tags")).contains("2  Kotlin").doesNotContain("kotlin");
  }

  @Test
  void renameOntoAnotherTagSaysItMerges() {
    long event = addEvent("Meetup");
    ok("talk", "add", "--event", Long.toString(event), "One", "--tag", "jvm");
    ok("talk", "add", "--event", Long.toString(event), "Two", "--tag", "java");

    assertOut(ok("tag", "rename", "jvm", "java"))
        .isEqualToIgnoringNewLines("Merged the tag “jvm” into “java” on 1 talk.");
    assertOut(ok("tags")).contains("2  java").doesNotContain("jvm");
  }

  @Test
  void renameOfATagNoTalkHasExitsOne() {
    addEvent("Meetup");

    assertErr(refused("tag", "rename", "scala", "jvm"))
        .contains("No talk has the tag \"scala\". The tags: talkbook tags.");
  }
}
