package dev.talkbook.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeptFieldsTest {
  @Test
  void keptTextsGoThroughTheirLineAndBack() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    kept.put(7, Map.of("video", "youtu.be/a b:c", "time", "tomorrow  evening"));
    kept.put(9, Map.of("title", "ünïcode “quoted” %20"));
    KeptFields again = new KeptFields(line.get(), text -> {});
    assertThat(again.of(7))
        .isEqualTo(Map.of("video", "youtu.be/a b:c", "time", "tomorrow  evening"));
    assertThat(again.of(9)).isEqualTo(Map.of("title", "ünïcode “quoted” %20"));
    kept.put(7, Map.of());
    assertThat(new KeptFields(line.get(), text -> {}).of(7)).isEmpty();
    assertThat(new KeptFields("garbage x:y 1:a", text -> {}).of(1)).isEmpty();
  }

  @Test
  void theTextsOfDeletedTalksAreForgottenAndPutBackWithoutOverwritingNewerOnes() {
    AtomicReference<String> line = new AtomicReference<>("");
    KeptFields kept = new KeptFields("", line::set);
    kept.put(7, Map.of("time", "tomorrow"));
    kept.put(9, Map.of("video", "the recording"));

    Map<Long, Map<String, String>> forgotten = kept.forget(java.util.List.of(7L, 8L));

    assertThat(forgotten).isEqualTo(Map.of(7L, Map.of("time", "tomorrow")));
    assertThat(kept.talks()).containsExactly(9L);
    assertThat(new KeptFields(line.get(), text -> {}).talks()).containsExactly(9L);
    kept.put(9, Map.of("video", "typed since"));
    kept.putBack(Map.of(7L, Map.of("time", "tomorrow"), 9L, Map.of("video", "the recording")));
    assertThat(new KeptFields(line.get(), text -> {}).of(7)).isEqualTo(Map.of("time", "tomorrow"));
    assertThat(kept.of(9)).isEqualTo(Map.of("video", "typed since"));
  }
}
