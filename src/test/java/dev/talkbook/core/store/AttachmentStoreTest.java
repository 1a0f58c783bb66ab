package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentStoreTest {
  /** A 1x1 PNG. */
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  @TempDir Path dir;
  private Notebook notebook;
  private long first;
  private long second;

  @BeforeEach
  void setUp() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    long event = notebook.events().create(Event.Details.titled("E")).id();
    first = notebook.talks().create(event, Talk.Details.titled("One"), "").id();
    second = notebook.talks().create(event, Talk.Details.titled("Two"), "").id();
  }

  @AfterEach
  void tearDown() {
    notebook.close();
  }

  @Test
  void storesBytesUnderTheirHashAndReadsThemBack() {
    AttachmentRef ref = notebook.attachments().add(first, "diagram.png", null, PNG);
    assertThat(ref.sha256()).hasSize(64).isEqualTo(AttachmentStore.sha256(PNG));
    assertThat(notebook.attachments().bytes(ref.sha256())).isEqualTo(PNG);
    assertThat(notebook.attachments().find(ref.sha256()))
        .hasValueSatisfying(a -> assertThat(a.mediaType()).isEqualTo("image/png"));
  }

  @Test
  void theSameImageTwiceIsStoredOnce() {
    AttachmentRef a = notebook.attachments().add(first, "a.png", null, PNG);
    AttachmentRef b = notebook.attachments().add(second, "copy of a.png", null, PNG);
    assertThat(b.sha256()).isEqualTo(a.sha256());
    assertThat(notebook.attachments().count()).isEqualTo(1);
  }

  @Test
  void allListsEachStoredFileOnceWithoutItsBytes() {
    byte[] text = "notes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    AttachmentRef png = notebook.attachments().add(first, "a.png", null, PNG);
    notebook.attachments().add(second, "copy.png", null, PNG);
    AttachmentRef txt = notebook.attachments().add(second, "n.txt", "text/plain", text);

    assertThat(notebook.attachments().all())
        .extracting(
            dev.talkbook.core.notebook.Attachment::sha256,
            dev.talkbook.core.notebook.Attachment::mediaType,
            dev.talkbook.core.notebook.Attachment::size)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(png.sha256(), "image/png", (long) PNG.length),
            org.assertj.core.groups.Tuple.tuple(txt.sha256(), "text/plain", (long) text.length));
    notebook.talks().delete(second);
    assertThat(notebook.attachments().all())
        .extracting(dev.talkbook.core.notebook.Attachment::sha256)
        .containsExactly(png.sha256());
  }

  @Test
  void anAttachmentGoesWithTheLastTalkThatUsesIt() {
    AttachmentRef ref = notebook.attachments().add(first, "a.png", null, PNG);
    notebook.attachments().add(second, "a.png", null, PNG);
    notebook.talks().delete(first);
    assertThat(notebook.attachments().find(ref.sha256())).isPresent();
    notebook.talks().delete(second);
    assertThat(notebook.attachments().find(ref.sha256())).isEmpty();
  }

  @Test
  void theMarkdownReferenceResolvesToTheStoredFile() {
    AttachmentRef ref = notebook.attachments().add(first, "my diagram (v2).png", null, PNG);
    String markdown = ref.markdown("image/png");
    assertThat(markdown).startsWith("![my diagram (v2).png](attachment:" + ref.sha256() + "/");
    String url = markdown.substring(markdown.indexOf("](") + 2, markdown.length() - 1);
    assertThat(AttachmentRef.parse(url)).contains(ref);
    assertThat(notebook.attachments().bytes(AttachmentRef.parse(url).orElseThrow().sha256()))
        .isEqualTo(PNG);
  }

  @Test
  void namesAreStrippedOfFoldersAndTypesComeFromTheBytesOrTheName() {
    AttachmentRef ref =
        notebook.attachments().add(first, "C:\\Users\\me\\notes.txt", null, "hi".getBytes());
    assertThat(ref.fileName()).isEqualTo("notes.txt");
    assertThat(notebook.attachments().find(ref.sha256()).orElseThrow().mediaType())
        .isEqualTo("text/plain");
    assertThat(notebook.attachments().of(first)).containsExactly(ref);
  }

  @Test
  void refusesAFileTooLargeToAttach() {
    byte[] huge = new byte[AttachmentStore.MAX_BYTES + 1];
    assertThatThrownBy(() -> notebook.attachments().add(first, "video.mov", null, huge))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("video.mov")
        .hasMessageContaining("at most");
    assertThat(notebook.attachments().count()).isZero();
  }

  @Test
  void otherUrlsAreNotAttachmentReferences() {
    assertThat(AttachmentRef.parse("https://example.org/a.png")).isEmpty();
    assertThat(AttachmentRef.parse("attachment:../../etc/passwd")).isEmpty();
    assertThat(AttachmentRef.parse(null)).isEmpty();
  }

  @Test
  void undoingADeleteBringsBackTheTalkWithEverythingItHad() {
    notebook.talks().saveBody(first, "notes with ![x](attachment:" + "0".repeat(64) + "/x.png)");
    notebook.talks().leave(first);
    notebook
        .talks()
        .update(first, notebook.talks().get(first).details().withTags(java.util.List.of("kept")));
    AttachmentRef ref = notebook.attachments().add(first, "a.png", null, PNG);
    Talk before = notebook.talks().get(first);
    int revisions = notebook.revisions().list(first).size();

    var deleted = notebook.talks().delete(first);
    assertThat(notebook.attachments().find(ref.sha256())).isEmpty();
    assertThat(notebook.search().search("tag:kept", 5)).isEmpty();

    Talk back = notebook.talks().undelete(deleted);

    assertThat(back).isEqualTo(before);
    assertThat(notebook.talks().list(back.eventId()))
        .extracting(Talk::title)
        .containsExactly("One", "Two");
    assertThat(notebook.revisions().list(first)).hasSize(revisions);
    assertThat(notebook.attachments().bytes(ref.sha256())).isEqualTo(PNG);
    assertThat(notebook.attachments().of(first)).containsExactly(ref);
    assertThat(notebook.search().search("tag:kept", 5))
        .extracting(h -> h.talkId())
        .containsExactly(first);
    assertThat(notebook.talks().tags()).extracting(t -> t.name()).contains("kept");
  }

  @Test
  void aTalkCannotComeBackWithoutItsEvent() {
    var deleted = notebook.talks().delete(first);
    notebook.events().delete(notebook.talks().get(second).eventId());
    assertThatThrownBy(() -> notebook.talks().undelete(deleted))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("its event is gone");
  }
}
