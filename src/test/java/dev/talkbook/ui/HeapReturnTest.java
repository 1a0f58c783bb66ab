package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On G1 (the test JVM's collector, as on the class path) the window asks for idle returns. */
class HeapReturnTest {
  private final HotSpotDiagnosticMXBean vm =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  @Test
  void g1GivesTheHeapBackWhenIdleAndLaterLessOften() {
    assumeTrue("true".equals(vm.getVMOption("UseG1GC").getValue()), "runs on G1");
    assumeTrue(
        vm.getVMOption("G1PeriodicGCInterval").getOrigin()
            == com.sun.management.VMOption.Origin.DEFAULT,
        "options not set yet in this JVM");
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    try {
      HeapReturn.install(timer);
      assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
      assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
      assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("15000");
      assertThat(timer.getQueue()).hasSize(1);
      assertThat(((Delayed) timer.getQueue().peek()).getDelay(TimeUnit.SECONDS))
          .isBetween(100L, 120L);

      // Another window's install finds the options set (no longer the JVM's defaults): no change.
      HeapReturn.install(timer);
      assertThat(timer.getQueue()).hasSize(1);
    } finally {
      timer.shutdownNow();
      // The JVM's defaults back for the other tests in this JVM (Max first: Min <= Max always).
      vm.setVMOption("MaxHeapFreeRatio", "70");
      vm.setVMOption("MinHeapFreeRatio", "40");
      vm.setVMOption("G1PeriodicGCInterval", "0");
    }
  }

  @Test
  void theNativeHeapIsTrimmedOnceTheStartSettledThenEveryMinute() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "glibc's heap");
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    try {
      CompletableFuture<Void> settled = new CompletableFuture<>();
      HeapReturn.trimNativeHeapAfter(settled, timer);
      assertThat(timer.getQueue()).isEmpty(); // nothing before the start settled

      settled.complete(null);
      timer.submit(() -> null).get(); // the timer's one thread ran the first trim before this

      assertThat(timer.getQueue()).hasSize(1);
      assertThat(((Delayed) timer.getQueue().peek()).getDelay(TimeUnit.SECONDS))
          .isBetween(HeapReturn.TRIM_EVERY_SECONDS - 10, HeapReturn.TRIM_EVERY_SECONDS);
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void theJvmTrimsTheNativeHeapWhenAsked() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "glibc's heap");

    assertThat(HeapReturn.trimNativeHeap()).isTrue();
  }
}
