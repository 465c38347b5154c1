package org.tuopin.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;

/**
 * Measures one stage: wall time and the peak heap the JVM used during it (the sum of the heap
 * pools' peaks, reset at the start). In local mode the driver JVM runs the executors too, so this
 * is the whole pipeline's heap.
 */
public final class StageMeter {
  private StageMeter() {}

  /** A measured stage. */
  public record Measured<T>(T result, long millis, long peakHeapBytes) {
    public double seconds() {
      return millis / 1000.0;
    }

    public double peakHeapMiB() {
      return peakHeapBytes / (1024.0 * 1024.0);
    }
  }

  public static <T> Measured<T> measure(Callable<T> stage) throws Exception {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    long t0 = System.nanoTime();
    T r = stage.call();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return new Measured<>(r, ms, peak);
  }
}
