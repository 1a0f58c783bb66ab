package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Libraries.Coordinate;
import dev.talkbook.core.repl.Libraries.Directives;
import org.junit.jupiter.api.Test;

/** Pure: JBang's //DEPS and //REPOS lines. */
class LibrariesTest {

  @Test
  void depsLinesNameLibrariesInOrderEachOnce() {
    Directives d =
        Libraries.parse(
            """
            //DEPS org.jsoup:jsoup:1.17.2
            //DEPS com.google.code.gson:gson:2.11.0, info.picocli:picocli:4.7.7 // for the CLI demo
              //DEPS org.jsoup:jsoup:1.17.2
            //DEPS org.lwjgl:lwjgl:3.3.3:natives-linux io.vertx:vertx-core:4.5.0@pom
            var doc = org.jsoup.Jsoup.parse("<p>hi");
            """);

    assertThat(d.coordinates())
        .extracting(Coordinate::toString)
        .containsExactly(
            "org.jsoup:jsoup:1.17.2",
            "com.google.code.gson:gson:2.11.0",
            "info.picocli:picocli:4.7.7",
            "org.lwjgl:lwjgl:3.3.3:natives-linux",
            "io.vertx:vertx-core:4.5.0@pom");
    assertThat(d.problems()).isEmpty();
    assertThat(d.coordinates().get(3).classifier()).isEqualTo("natives-linux");
    assertThat(d.coordinates().get(4).type()).isEqualTo("pom");
  }

  @Test
  void onlyWholeLinesAreDirectives() {
    Directives d =
        Libraries.parse(
            """
            String s = "//DEPS not:a:directive";
            int x = 1; //DEPS neither:this:one
            // DEPS with a space is a comment
            //DEPSX a:b:c
            """);

    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void whatIsNotACoordinateIsAProblemWithAnExample() {
    Directives d = Libraries.parse("//DEPS org.jsoup:jsoup\n//DEPS\n//REPOS not-a-url\n");

    assertThat(d.coordinates()).isEmpty();
    assertThat(d.problems())
        .containsExactly(
            "//DEPS org.jsoup:jsoup is not a library: write group:artifact:version (e.g. //DEPS"
                + " org.jsoup:jsoup:1.17.2).",
            "//DEPS names no library: write //DEPS group:artifact:version.",
            "//REPOS not-a-url is not a repository: write id=https://… or a URL, or central.");
  }

  @Test
  void aLineOfWordsIsOneProblem() {
    Directives d = Libraries.parse("//DEPS not a coordinate\n//DEPS org.jsoup:jsoup:1.17.2 oops\n");

    assertThat(d.problems())
        .containsExactly(
            "//DEPS not a coordinate names no library: write group:artifact:version (e.g. //DEPS"
                + " org.jsoup:jsoup:1.17.2).",
            "//DEPS oops is not a library: write group:artifact:version (e.g. //DEPS"
                + " org.jsoup:jsoup:1.17.2).");
    assertThat(d.coordinates()).hasSize(1);
  }

  @Test
  void reposLinesNameRepositories() {
    Directives d =
        Libraries.parse("//REPOS central,jitpack=https://jitpack.io\n//REPOS file:///tmp/repo\n");

    assertThat(d.repositories())
        .containsExactly(
            new Libraries.Repository("central", Libraries.CENTRAL),
            new Libraries.Repository("jitpack", "https://jitpack.io"),
            new Libraries.Repository("_tmp_repo", "file:///tmp/repo"));
  }
}
