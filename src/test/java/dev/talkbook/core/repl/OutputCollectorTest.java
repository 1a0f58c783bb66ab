package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplEvent.Output;
import dev.talkbook.core.repl.ReplEvent.Stream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Output> sent = new CopyOnWriteArrayList<>();
  private final OutputCollector collector = new OutputCollector(1024, timer, sent::addAll);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void aSnippetsOutputIsCutWhereALineStartsAndItsDroppedLinesAreCounted() {
    collector.begin(1);
    long total = 0;
    for (int i = 0; i < 1000; i++) {
      String line = "line " + i + "\n";
      collector.append(Stream.OUT, line);
      total += line.length();
    }
    OutputCollector.Captured c = collector.end();
    assertThat(c.text()).startsWith("line ").endsWith("line 999\n");
    assertThat(c.text().length()).isLessThanOrEqualTo(1024);
    assertThat(c.dropped() + c.text().length()).isEqualTo(total);
    assertThat(c.droppedLines() + KeptOutput.lines(c.text(), 0, c.text().length())).isEqualTo(1000);
  }

  @Test
  void oneLineLongerThanTheCapKeepsItsEndWhenItsLineBreakComes() {
    // System.out.println("x".repeat(50_000_000)): the text, then its line break
    collector.begin(1);
    for (int i = 0; i < 10; i++) {
      collector.append(Stream.OUT, "x".repeat(1000));
    }
    collector.append(Stream.OUT, "\n");
    OutputCollector.Captured c = collector.end();
    assertThat(c.text()).hasSize(1024).startsWith("x").endsWith("x\n");
    assertThat(c.dropped()).isEqualTo(10_001 - 1024);
    assertThat(c.droppedLines()).isZero();
    Output last = sent.get(sent.size() - 1);
    assertThat(last.text()).endsWith("x\n");
  }

  @Test
  void whatIsShownIsCutWhereALineStartsAndTheDroppedLinesAreCounted() {
    collector.begin(1);
    // faster than a batch: all of it is pending at once
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      all.append("line ").append(i).append('\n');
    }
    collector.append(Stream.OUT, all.toString());
    collector.end();
    long lines = 0;
    for (Output o : sent) {
      lines += o.droppedLinesBefore() + KeptOutput.lineBreaks(o.text(), 0, o.text().length());
      if (o.droppedBefore() > 0) {
        assertThat(o.text()).startsWith("line ");
      }
    }
    assertThat(lines).isEqualTo(1000);
    assertThat(sent.get(0).droppedBefore()).isPositive();
  }
}
