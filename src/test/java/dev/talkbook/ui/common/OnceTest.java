package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** {@link Once#when}: the first change to a value that passes, once, and then not listening. */
class OnceTest {
  private final SimpleStringProperty value = new SimpleStringProperty("start");
  private final List<String> seen = new ArrayList<>();

  @Test
  void runsWithTheFirstValueThatPassesAndNeverAgain() {
    Once.when(value, v -> v.startsWith("go"), seen::add);

    value.set("wait");
    assertThat(seen).isEmpty();
    value.set("go 1");
    value.set("stop");
    value.set("go 2");

    assertThat(seen).containsExactly("go 1");
  }

  @Test
  void aValueThatPassesAlreadyWaitsForAChange() {
    value.set("go now");
    Once.when(value, v -> v.startsWith("go"), seen::add);

    assertThat(seen).isEmpty();
    value.set("go later");
    assertThat(seen).containsExactly("go later");
  }

  @Test
  void aChangeTheActionMakesIsNotSeen() {
    Once.when(
        value,
        v -> v.startsWith("go"),
        v -> {
          seen.add(v);
          value.set("go again");
        });

    value.set("go");

    assertThat(seen).containsExactly("go");
    assertThat(value.get()).isEqualTo("go again");
  }
}
