package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmCommandsTest {
  @Test
  void runsACommandOfThisJvmAndSaysWhatItAnswered() {
    assertThat(JvmCommands.run("vmVersion"))
        .hasValueSatisfying(
            said -> assertThat(said).contains(System.getProperty("java.vm.version")));
  }

  @Test
  void aCommandThisJvmDoesNotHaveIsNothing() {
    assertThat(JvmCommands.run("noSuchCommand")).isEmpty();
  }
}
