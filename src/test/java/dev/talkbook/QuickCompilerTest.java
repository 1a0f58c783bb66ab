package dev.talkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link QuickCompiler} in JVMs of their own (a directive would change this test JVM's compilers
 * for every test after it): a JVM with the JDK's defaults stops compiling with C2, one whose
 * compiler options were chosen is left alone.
 */
class QuickCompilerTest {

  /** The child JVM: chooses, then runs a method hot enough for C2 and says what it chose. */
  public static final class Child {
    public static void main(String[] args) {
      boolean chose = QuickCompiler.choose();
      long sum = 0;
      for (int i = 0; i < 200_000; i++) {
        sum += hot(i);
      }
      System.out.println("chose " + chose + " " + (sum == 42 ? "" : "."));
      // the platform MBean server, had it been made, is among the servers the factory made
      System.out.println(
          "MBean servers " + javax.management.MBeanServerFactory.findMBeanServer(null).size());
    }

    /**
     * Longer than C1 inlines (35 bytes of bytecode), so it stays a call of its own when {@code
     * main}'s loop is compiled, and its own counters keep asking for compiles.
     */
    static int hot(int i) {
      int a = (i * 31) ^ (i >>> 3);
      int b = (a * 17) + (i << 2) - (a >>> 5);
      int c = (b ^ 0x5bd1e995) * 13 + (a & 0xff);
      return (c >>> 7) ^ (b * 3) ^ (a | 1);
    }
  }

  private static String run(String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options));
    command.addAll(
        List.of(
            // Each compile finishes before the call that asked for it goes on: the C1 compile that
            // replaces a refused C2 one is printed before the loop can end and the JVM exit.
            "-Xbatch",
            "-XX:+PrintCompilation",
            "-cp",
            System.getProperty("java.class.path"),
            Child.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** A line of {@code PrintCompilation} up to its level: time, id, attributes. */
  private static final String COMPILED_AT = "(?m)^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*";

  @Test
  void aJvmWithTheDefaultsStopsCompilingWithC2() throws Exception {
    String out = run();
    assertThat(out).contains("chose true");
    // HotSpot's own account: the hot method was refused C2 and compiled by C1 instead.
    String hot = "dev\\.talkbook\\.QuickCompilerTest\\$Child::hot";
    assertThat(out)
        .containsPattern("made not compilable on level 4 +" + hot)
        .containsPattern(COMPILED_AT + "1\\s+" + hot)
        .doesNotContainPattern(COMPILED_AT + "4\\s+" + hot);
  }

  /**
   * The directive goes through the diagnostic command bean alone: the platform MBean server cost a
   * cold command ~0.1 s of processor time, its first log call a search of every jar of the class
   * path, and C2 compiled on meanwhile.
   */
  @Test
  void theDirectiveIsAddedWithoutMakingThePlatformMBeanServer() throws Exception {
    assertThat(run()).contains("chose true").contains("MBean servers 0");
  }

  @Test
  void compilerOptionsTheUserChoseAreLeftAlone() throws Exception {
    assertThat(run("-XX:TieredStopAtLevel=1")).contains("chose false");
    assertThat(run("-XX:-TieredCompilation")).contains("chose false");
  }

  @Test
  void aPropertyTurnsItOff() {
    String before = System.getProperty(QuickCompiler.PROPERTY);
    try {
      System.setProperty(QuickCompiler.PROPERTY, "false");
      assertThat(QuickCompiler.wanted()).isFalse();
      System.setProperty(QuickCompiler.PROPERTY, "true");
      assertThat(QuickCompiler.wanted()).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(QuickCompiler.PROPERTY);
      } else {
        System.setProperty(QuickCompiler.PROPERTY, before);
      }
    }
  }
}
