package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Readers keep reading, and see whole transactions only, while a long write is under way. */
class ConcurrencyTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void readersSeeAConsistentNotebookDuringALongWrite() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      long event = notebook.events().create(Event.Details.titled("E")).id();
      for (int i = 0; i < 10; i++) {
        notebook.talks().create(event, Talk.Details.titled("before " + i), "marker text");
      }
      CountDownLatch writing = new CountDownLatch(1);
      CountDownLatch readersDone = new CountDownLatch(3);
      AtomicBoolean stop = new AtomicBoolean();
      Set<Integer> countsSeen = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        Future<?> writer =
            pool.submit(
                () ->
                    notebook.inTransaction(
                        () -> {
                          for (int i = 0; i < 500; i++) {
                            notebook
                                .talks()
                                .create(event, Talk.Details.titled("during " + i), "marker text");
                          }
                          writing.countDown();
                          try {
                            // Hold the transaction open until the readers have read through it.
                            assertThat(readersDone.await(30, TimeUnit.SECONDS)).isTrue();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return null;
                        }));
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          readers.add(
              pool.submit(
                  () -> {
                    writing.await();
                    int reads = 0;
                    for (; reads < 20 && !stop.get(); reads++) {
                      countsSeen.add(notebook.talks().count());
                      countsSeen.add(notebook.search().search("marker", 1000).size());
                      countsSeen.add(notebook.talks().list(event).size());
                    }
                    readersDone.countDown();
                    return reads;
                  }));
        }
        for (Future<Integer> reader : readers) {
          assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(20);
        }
        writer.get(30, TimeUnit.SECONDS);
        // While the write was open, every read saw the 10 talks from before it, never part of it.
        assertThat(countsSeen).containsExactly(10);
        assertThat(notebook.talks().count()).isEqualTo(510);
        assertThat(notebook.search().search("marker", 1000)).hasSize(510);
      } finally {
        stop.set(true);
        pool.shutdownNow();
      }
    }
  }

  @Test
  @Timeout(60)
  void manyThreadsSavingAtOnceLoseNothing() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      long event = notebook.events().create(Event.Details.titled("E")).id();
      List<Long> talks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        talks.add(notebook.talks().create(event, Talk.Details.titled("t" + i), "").id());
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> saves = new ArrayList<>();
        for (long talk : talks) {
          saves.add(
              pool.submit(
                  () -> {
                    for (int n = 1; n <= 50; n++) {
                      notebook.talks().saveBody(talk, "line\n".repeat(n));
                    }
                  }));
        }
        for (Future<?> save : saves) {
          save.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      for (long talk : talks) {
        assertThat(notebook.talks().get(talk).body()).isEqualTo("line\n".repeat(50));
      }
    }
  }
}
