package org.tuopin.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one stage: wall time and two heap figures, sampled every {@value #SAMPLE_MILLIS} ms on a
 * daemon thread. The peak heap in use counts garbage not yet collected, so it grows towards the
 * limit whenever the collector can wait; the peak live heap is the largest heap left after a
 * garbage collection (what the stage actually needed to hold). Summing the heap pools' own peaks
 * would overstate both: each pool peaks at a different moment. In local mode the driver JVM runs
 * the executors too, so this is the whole pipeline's heap.
 */
public final class StageMeter {
  static final long SAMPLE_MILLIS = 20;

  private StageMeter() {}

  /** A measured stage. */
  public record Measured<T>(T result, long millis, long peakHeapBytes, long peakLiveHeapBytes) {
    public double seconds() {
      return millis / 1000.0;
    }

    public double peakHeapMiB() {
      return peakHeapBytes / (1024.0 * 1024.0);
    }

    public double peakLiveHeapMiB() {
      return peakLiveHeapBytes / (1024.0 * 1024.0);
    }
  }

  public static <T> Measured<T> measure(Callable<T> stage) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicLong live = new AtomicLong(0);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        live.accumulateAndGet(afterLastCollection(), Math::max);
        try {
          Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "tuopin-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    T r;
    try {
      r = stage.call();
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    live.accumulateAndGet(afterLastCollection(), Math::max);
    return new Measured<>(r, ms, peak.get(), Math.min(live.get(), peak.get()));
  }

  /** The heap in use right after the last garbage collection, summed over the heap pools. */
  private static long afterLastCollection() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = p.getType() == MemoryType.HEAP ? p.getCollectionUsage() : null;
      if (u != null) {
        sum += u.getUsed();
      }
    }
    return sum;
  }
}
