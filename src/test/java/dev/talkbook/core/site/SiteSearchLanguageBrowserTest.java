package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The site's search box reads the search language as {@code talkbook search} does: fields, {@code
 * -word}, phrases and {@code pref*} find the same talks in the browser (Debian's chromium) as in
 * the notebook, and a query the language refuses gets the same explanation.
 */
class SiteSearchLanguageBrowserTest extends BrowserTest {
  @TempDir static Path dir;
  private static Path site;
  private static Notebook notebook;

  @BeforeAll
  static void exportSite() {
    HeadlessChromium.assumeInstalled();
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    Event summit = notebook.events().create(Event.Details.titled("JVM Summit"));
    Event meetup = notebook.events().create(Event.Details.titled("Kotlin Meetup"));
    talk(
        summit,
        "Virtual threads in production",
        "Grace Hopper",
        List.of("java", "loom"),
        "Interop with old code, and threads that are virtual.");
    talk(
        summit,
        "Kotlin & Java interop — the good parts",
        "Ada Byron",
        List.of("kotlin", "java"),
        "Grace Hopper asked about interop; the talk showed Kotlin calling Java threads.");
    talk(
        meetup,
        "Threads, virtual or not",
        "Linus Virtanen",
        List.of("kotlin"),
        "Coroutines and threads.");
    Event natives = notebook.events().create(Event.Details.titled("Native Night"));
    // tags the index cuts alike at their punctuation: all the word "c"
    talk(natives, "Sharp", "Anders Hejl", List.of("C#"), "Records and pattern matching.");
    talk(natives, "Plus", "Bjarne Strom", List.of("c++", "templates"), "Pointers and memory.");
    talk(natives, "Plain", "Dennis Ritz", List.of("c"), "Pointers.");
    talk(natives, "Both", "Mixed Person", List.of("c#", "C++"), "Bindings.");
    // a tag that starts with another one: tag:c# is not it, as in talkbook search
    talk(natives, "Basics", "Nora Neu", List.of("C# basics", "dotnet"), "Starting out.");
    talk(natives, "Beer", "Olaf Brau", List.of("Öl-Bar"), "Lager.");
    // names written with their punctuation, in the notes, a title and a speaker's name
    talk(
        natives,
        "Runtime",
        "Ana Net",
        List.of("dotnet"),
        "We write c# daily on .NET, and C++ for speed. Also c#-ish stuff.");
    talk(natives, "Cee", "Ken Rich", List.of("systems"), "Plain c with pointers, abc# macros.");
    talk(natives, "Functional F# day", "Don Syme", List.of("ml"), "Type providers.");
    talk(natives, "Spoken", "Anders C#", List.of("talks"), "About ASP.NET and networks.");
    // a name with a leading dot is another name (".c#" is not "c#"), and a file name none
    talk(natives, "Files", "Ed Itor", List.of("editors"), "Opened main.c#; learning .c# too.");
    Event leipzig = notebook.events().create(Event.Details.titled("JUG Leipzig"));
    talk(
        leipzig,
        "Keynote: Zwanzig Jahre Java – Grüße aus Leipzig",
        "Mette Søndergaard",
        List.of("jubiläum"),
        "Herzliche Grüße aus der Straße am Markt.");
    talk(
        leipzig,
        "\ufb01nance for engineers",
        "Ola Nordmann",
        List.of("money"),
        "E\ufb03cient budgets, pasted from a PDF.");
    site = dir.resolve("site");
    new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  private static void talk(
      Event event, String title, String speaker, List<String> tags, String notes) {
    Talk t =
        notebook
            .talks()
            .create(
                event.id(),
                new Talk.Details(title, List.of(speaker), null, null, null, null, tags),
                "");
    notebook.talks().saveBody(t.id(), notes + "\n");
  }

  @AfterAll
  static void closeNotebook() {
    if (notebook != null) {
      notebook.close();
    }
  }

  @Override
  protected Path browserFolder() {
    return dir;
  }

  private static List<String> notebookFinds(String query) {
    return notebook.search().search(query, 100).stream().map(SearchHit::talkTitle).toList();
  }

  @Test
  void fieldsExclusionsPhrasesAndPrefixesFindWhatTheNotebookFinds() {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    for (String query :
        List.of(
            "speaker:hopper",
            "hopper",
            "interop -kotlin",
            "interop",
            "tag:kotlin",
            "tags:loom",
            "title:threads",
            "by:virtanen",
            "event:meetup",
            "notes:coroutines",
            "notes:hopper",
            "threads -tag:kotlin",
            "interop -\"grace hopper\"",
            "\"virtual threads\"",
            "speaker:\"grace hopper\"",
            "vi*",
            "speaker:virt*",
            "virt",
            "Speaker:HOPPER",
            "tag:c#",
            "tag:C++",
            "tags:#c#",
            "tag:c",
            "tag:c* -tag:c#",
            "pointers -tag:c++",
            "tag:templates -tag:C++",
            "tag:ol-bar",
            "tag:ÖL-BAR",
            "tag:\"c# basics\"",
            "tag:c# -tag:\"c# basics\"",
            "basics -tag:c#",
            "tag:dotnet -tag:c#",
            "starting -tag:\"C# Basics\"",
            "c#",
            "C#",
            "C++",
            "c++",
            ".net",
            "f#",
            "c",
            "pointers -c#",
            "pointers -c++",
            "title:f#",
            "notes:c++",
            "speaker:c#",
            "\"c# daily\"",
            "c#-ish",
            "abc#",
            "c# -tag:c#",
            ".c#",
            "\"learning c#\"",
            "\"learning .c#\"",
            "main.c#")) {
      List<String> expected = notebookFinds(query);
      assertThat(allResultsFor(query))
          .as("the site's results for %s", query)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    // the tester's two queries: the site finds what the CLI finds, no more
    assertThat(allResultsFor("speaker:hopper")).containsExactly("Virtual threads in production");
    assertThat(allResultsFor("interop -kotlin")).containsExactly("Virtual threads in production");
    // a tag with punctuation is that tag, whole: not every tag the index cuts to "c"
    assertThat(allResultsFor("tag:c#")).containsExactlyInAnyOrder("Sharp", "Both");
    assertThat(allResultsFor("tag:c* -tag:c#"))
        .containsExactlyInAnyOrder("Plus", "Plain", "Basics");
    // nor a tag that starts with its words: "c# basics" is another tag
    assertThat(allResultsFor("tag:\"c# basics\"")).containsExactly("Basics");
    assertThat(allResultsFor("tag:dotnet -tag:c#")).containsExactlyInAnyOrder("Basics", "Runtime");
    // and without its accents, as every other word
    assertThat(allResultsFor("tag:ol-bar")).containsExactly("Beer");
    // a name written with its punctuation is found as written, in every field, not as "c"
    assertThat(allResultsFor("c#"))
        .containsExactlyInAnyOrder("Sharp", "Both", "Runtime", "Spoken", "Basics");
    assertThat(allResultsFor(".net")).containsExactly("Runtime");
    // whole, its leading dot too: c# is not in ".c#" nor in the file name "main.c#"
    assertThat(allResultsFor(".c#")).containsExactly("Files");
    assertThat(allResultsFor("\"learning c#\"")).isEmpty();
    assertThat(allResultsFor("pointers -c#")).containsExactlyInAnyOrder("Plus", "Plain", "Cee");
  }

  @Test
  void lettersDecompositionLeavesWholeAreFoundAsReadersTypeThem() {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    String keynote = "Keynote: Zwanzig Jahre Java – Grüße aus Leipzig";
    for (String query :
        List.of(
            "grusse",
            "gruesse",
            "\"gruesse aus\"",
            "title:gruesse",
            "sondergaard",
            "Grüße",
            "Søndergaard",
            "speaker:sondergaard",
            "title:grusse",
            "notes:strasse",
            "\"grusse aus\"",
            "grus*")) {
      assertThat(notebookFinds(query)).as("the notebook finds %s", query).containsExactly(keynote);
      assertThat(allResultsFor(query))
          .as("the site's results for %s", query)
          .containsExactly(keynote);
    }
  }

  @Test
  void wordsWrittenWithLigaturesAreFoundByTheirLetters() {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    String talk = "\ufb01nance for engineers";
    for (String query :
        List.of(
            "finance", "\ufb01nance", "title:finance", "financ*", "efficient", "notes:efficient")) {
      assertThat(notebookFinds(query)).as("the notebook finds %s", query).containsExactly(talk);
      assertThat(allResultsFor(query)).as("the site's results for %s", query).containsExactly(talk);
    }
  }

  @Test
  void aQueryTheLanguageRefusesSaysWhyAsTheNotebookDoes() {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    for (String query : List.of("-kotlin", "speaker: hopper")) {
      String message =
          org.assertj.core.api.Assertions.catchThrowable(() -> notebookFinds(query)).getMessage();
      assertThat(allResultsFor(query)).isEmpty();
      waiting().until(ExpectedConditions.textToBe(By.cssSelector("#tb-results li"), message));
    }
    // abstracts are not in the site's index: said, rather than "No talks found."
    assertThat(allResultsFor("abstract:loom")).isEmpty();
    assertThat(driver.findElement(By.cssSelector("#tb-results li")).getText())
        .contains("does not look in abstracts");
    assertThatThrownBy(() -> notebookFinds("-kotlin")).hasMessageContaining("only leaves out");
  }
}
