package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.TagCount;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site groups and names tags as the notebook does (Tags.key, Tags.spelling). */
class SiteTagsTest {
  @TempDir Path dir;

  @Test
  void theSitesTagsAreTheNotebooksEvenWhereANotebookHoldsATagInTwoSpellings() throws Exception {
    Path file = dir.resolve("n.talkbook");
    List<String> spellings = List.of("Straße", "STRASSE", "Café crème", "CAFÉ CRÈME", "Äpfel");
    List<Long> ids = new ArrayList<>();
    try (Notebook notebook = Notebook.open(file)) {
      Event e = notebook.events().create(Event.Details.titled("Conf"));
      for (int i = 0; i < spellings.size(); i++) {
        ids.add(notebook.talks().create(e.id(), Talk.Details.titled("T" + i), "").id());
      }
    }
    // each talk tagged as written, as a Talkbook that compared tags by SQLite's NOCASE (ASCII
    // only) left them: "Straße"/"STRASSE" and "Café crème"/"CAFÉ CRÈME" are two rows each
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        PreparedStatement tag = c.prepareStatement("INSERT INTO tag (name) VALUES (?)");
        PreparedStatement talk = c.prepareStatement("UPDATE talk SET tags = ? WHERE id = ?");
        PreparedStatement link =
            c.prepareStatement(
                "INSERT INTO talk_tag (talk_id, tag_id, position)"
                    + " SELECT ?, id, 0 FROM tag WHERE name = ?")) {
      for (int i = 0; i < spellings.size(); i++) {
        tag.setString(1, spellings.get(i));
        tag.executeUpdate();
        talk.setString(1, spellings.get(i));
        talk.setLong(2, ids.get(i));
        talk.executeUpdate();
        link.setLong(1, ids.get(i));
        link.setString(2, spellings.get(i));
        link.executeUpdate();
      }
      assertThat(s.executeQuery("SELECT count(*) FROM tag").getInt(1)).isEqualTo(5);
    }
    Path out = dir.resolve("site");
    List<TagCount> listed;
    try (Notebook notebook = Notebook.open(file)) {
      listed = notebook.talks().tags();
      new SiteExporter(new MarkdownRenderer())
          .export(
              notebook, out, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    Matcher m =
        Pattern.compile("\">([^<]*) <span class=\"count\">(\\d+)</span>")
            .matcher(Files.readString(out.resolve("tags/index.html")));
    List<TagCount> onTheSite = new ArrayList<>();
    while (m.find()) {
      onTheSite.add(new TagCount(m.group(1).replace("&amp;", "&"), Integer.parseInt(m.group(2))));
    }

    assertThat(listed)
        .containsExactly(
            new TagCount("CAFÉ CRÈME", 2), new TagCount("STRASSE", 2), new TagCount("Äpfel", 1));
    assertThat(onTheSite).containsExactlyInAnyOrderElementsOf(listed);
    // each talk's page names its tag as the lists do
    assertThat(Files.readString(out.resolve("events/conf/t0.html"))).contains("STRASSE");
  }
}
