package dev.talkbook.bench.share;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.share.ShareOptions;
import dev.talkbook.core.share.ShareSession;
import dev.talkbook.core.share.SharedTalk;
import dev.talkbook.core.share.TalkFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share server alone in its own JVM, so that its CPU and memory can be read apart from the
 * viewers': {@code ShareServerProbe MAX_VIEWERS}. Prints {@code URL <url>}, then reads commands:
 * {@code type K} (the presenter types keystroke K: the talk with a paragraph one character longer,
 * ending in the marker {@code #K}), {@code stats} (prints {@code STATS <cpu ns> <rss kB> <heap kB
 * after GC> <viewers>}) and {@code quit}.
 */
public final class ShareServerProbe {
  static final String SAMPLE =
      Resources.text(
          ShareServerProbe.class, "/dev/talkbook/core/sample/04-live-coding-without-fear.md");
  private static final String SENTENCE =
      "Typing this paragraph live while the audience reads along on their phones, one keystroke"
          + " at a time, to see how far a single change travels and how quickly it arrives there."
          + " ";

  private ShareServerProbe() {}

  /** The notes after keystroke {@code k}: the sample, then a paragraph being typed. */
  static String notes(int k) {
    int len = 40 + k % (SENTENCE.length() - 40);
    return SAMPLE + "\n\n" + SENTENCE.substring(0, len) + " #" + k + "\n";
  }

  static SharedTalk talk(int k) {
    return new SharedTalk(
        4, "JVM Evening", Talk.Details.titled("Live coding without fear"), notes(k));
  }

  public static void main(String[] args) throws Exception {
    int max = Integer.parseInt(args[0]);
    ShareSession session =
        ShareSession.start(
            ShareOptions.loopback().withMaxViewers(max).withMaxPerAddress(max),
            new MarkdownRenderer(),
            TalkFiles.NONE,
            talk(0));
    System.out.println("URL " + session.url());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("type ")) {
        session.show(talk(Integer.parseInt(line.substring(5))));
      } else if (line.equals("stats")) {
        long cpu =
            ((com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        System.out.println("STATS " + cpu + " " + rssKb() + " " + heap + " " + session.viewers());
        System.out.flush();
      } else if (line.equals("quit")) {
        break;
      }
    }
    session.stop();
    System.out.println("BYE");
    System.out.flush();
    System.exit(0);
  }

  static long rssKb() throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
