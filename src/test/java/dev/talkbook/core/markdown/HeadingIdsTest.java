package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.junit.jupiter.api.Test;

/** {@link HeadingIds} gives the ids commonmark's {@link IdGenerator} gives, in the same order. */
class HeadingIdsTest {
  @Test
  void idsAreCommonmarksForTheSameHeadingsInTheSameOrder() {
    String[] pieces = {
      "a",
      "z",
      "A",
      "Z",
      "0",
      "9",
      " ",
      "-",
      "_",
      "!",
      "&",
      ".",
      "é",
      "É",
      "ß",
      "İ",
      "ı",
      "日本",
      "\u0301",
      "\u200c",
      "key points",
      "notes",
      "notes-1",
      "\uD835\uDC00",
      "‿",
      "²",
      "\t"
    };
    Random random = new Random(20261202L);
    for (int round = 0; round < 500; round++) {
      IdGenerator commonmark = IdGenerator.builder().defaultId("id").build();
      HeadingIds ours = new HeadingIds();
      int headings = 1 + random.nextInt(12);
      for (int h = 0; h < headings; h++) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
          text.append(pieces[random.nextInt(pieces.length)]);
        }
        String t = text.toString();
        assertThat(ours.idFor(t)).as("id of %s", t).isEqualTo(commonmark.generateId(t));
      }
    }
  }
}
