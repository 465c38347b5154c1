package org.tuopin.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a few independent writes of small tables at the same time: each costs mostly a Delta commit on
 * the driver, so one after the other they leave the cores idle. The SparkSession accepts jobs from
 * several threads; each task writes tables of its own.
 */
final class Concurrently {
  private Concurrently() {}

  /**
   * The results of the tasks, in the order given. The first failure (in that order) is rethrown as it
   * was; the other tasks are interrupted.
   *
   * @param what what the tasks do, for the message of an interruption
   */
  static <T> List<T> run(List<Callable<T>> tasks, int threads, String what) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Callable<T> t : tasks) {
        running.add(pool.submit(t));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : running) {
        out.add(await(f, what));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T await(Future<T> f, String what) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
