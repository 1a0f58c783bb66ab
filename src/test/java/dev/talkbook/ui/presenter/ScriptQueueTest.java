package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptQueueTest {

  @Test
  void pageDownLoadsThenRunsAndPageUpGoesBack() {
    ScriptQueue q = new ScriptQueue(List.of("a", "b"));
    assertThat(q.position()).isEqualTo("Next: snippet 1 of 2 (Page Down)");
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Load("a"));
    assertThat(q.position()).isEqualTo("Snippet 1 of 2: Page Down runs it");
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Run());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Load("b"));
    assertThat(q.back()).isEqualTo(new ScriptQueue.Load("a"));
    assertThat(q.back()).isEqualTo(new ScriptQueue.Nothing());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Run());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Load("b"));
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Run());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Nothing());
    assertThat(q.position()).isEqualTo("End of the script (2 snippets)");
  }

  @Test
  void anEmptyScriptSaysSo() {
    ScriptQueue q = new ScriptQueue(List.of());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Nothing());
    assertThat(q.position()).contains("no ```java blocks");
  }
}
