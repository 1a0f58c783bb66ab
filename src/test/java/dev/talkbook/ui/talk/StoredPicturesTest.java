package dev.talkbook.ui.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.NotFoundException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The preview's stored pictures, read and encoded once, within a bound. */
class StoredPicturesTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final String C = "c".repeat(64);

  /** The hashes read, in order. */
  private final List<String> reads = new ArrayList<>();

  /** 30 bytes a picture (40 characters of base64), each hash's own. */
  private final Function<String, byte[]> notebook =
      sha256 -> {
        reads.add(sha256);
        byte[] bytes = new byte[30];
        java.util.Arrays.fill(bytes, (byte) sha256.charAt(0));
        return bytes;
      };

  private static String img(StoredPictures pictures, String sha256) {
    return "<p><img src=\"" + pictures.standIn("image/png", sha256) + "\" alt=\"x\" /></p>";
  }

  private static String data(char c) {
    byte[] bytes = new byte[30];
    java.util.Arrays.fill(bytes, (byte) c);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void aPictureIsReadAndEncodedOnceHoweverOftenItIsRendered() {
    StoredPictures pictures = new StoredPictures();
    String html = img(pictures, A) + img(pictures, B);
    String filled = pictures.filledIn(html, notebook);
    assertThat(filled)
        .isEqualTo(
            "<p><img src=\""
                + data('a')
                + "\" alt=\"x\" /></p><p><img src=\""
                + data('b')
                + "\" alt=\"x\" /></p>");
    assertThat(pictures.filledIn(html, notebook)).isEqualTo(filled);
    assertThat(reads).containsExactly(A, B);
  }

  @Test
  void theLeastRecentlyShownPictureIsGivenUpPastTheBound() {
    StoredPictures pictures = new StoredPictures(100); // two pictures of 40 characters
    pictures.filledIn(img(pictures, A), notebook);
    pictures.filledIn(img(pictures, B), notebook);
    pictures.filledIn(img(pictures, A), notebook); // A shown last
    pictures.filledIn(img(pictures, C), notebook); // B given up
    assertThat(pictures.keptCount()).isEqualTo(2);
    assertThat(pictures.keptChars()).isEqualTo(80);
    reads.clear();
    pictures.filledIn(img(pictures, A) + img(pictures, C), notebook);
    assertThat(reads).isEmpty();
    assertThat(pictures.filledIn(img(pictures, B), notebook)).contains(data('b'));
    assertThat(reads).containsExactly(B);
  }

  @Test
  void aStandInTypedInANoteIsLeftAsTyped() {
    // another instance's key, as a note could hold it: never filled with a picture
    String typed = img(new StoredPictures(), A);
    StoredPictures pictures = new StoredPictures();
    assertThat(pictures.filledIn(typed, notebook)).isSameAs(typed);
    assertThat(reads).isEmpty();
  }

  @Test
  void aPictureGoneFromTheNotebookSinceTheRenderIsLeftWithoutData() {
    StoredPictures pictures = new StoredPictures();
    String filled =
        pictures.filledIn(
            img(pictures, A),
            sha256 -> {
              throw new NotFoundException("There is no attachment " + sha256 + ".");
            });
    assertThat(filled).isEqualTo("<p><img src=\"data:image/png;base64,\" alt=\"x\" /></p>");
    assertThat(pictures.keptCount()).isZero();
  }
}
