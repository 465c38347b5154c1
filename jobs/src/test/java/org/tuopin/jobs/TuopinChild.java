package org.tuopin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tuopin.common.test.SharedSpark;
import org.tuopin.jobs.cli.Tuopin;

/**
 * The command line of a {@code tuopin} command in a child JVM, for the tests that need a real
 * process (to kill it, or to serve JDBC): this JVM's Java, its {@code --add-opens} flags and class
 * path, a local[2] session with two shuffle partitions, and {@link SharedSpark#TINY_DATA_SETTINGS}.
 */
public final class TuopinChild {
  private TuopinChild() {}

  /**
   * {@code java [jvmProperties] Tuopin command [args] [settings]}. {@code jvmProperties} are
   * {@code -Dname=value} flags for the JVM itself (before the class name); {@code args} go after the
   * command, as a user would type them.
   */
  public static List<String> command(List<String> jvmProperties, String command, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.add("-Xmx1g");
    // Only C1: a short run spends its time loading and compiling classes, not in hot loops.
    cmd.add("-XX:TieredStopAtLevel=1");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")) {
        cmd.add(a);
      }
    }
    cmd.addAll(jvmProperties);
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add(Tuopin.class.getName());
    cmd.add(command);
    cmd.addAll(args);
    cmd.add("-Dspark.master=local[2]");
    cmd.add("-Dspark.shuffle-partitions=2");
    SharedSpark.TINY_DATA_SETTINGS.forEach((k, v) -> cmd.add("-Dspark.extra." + k + "=" + v));
    return cmd;
  }

  /**
   * Runs a {@link #command} and kills the child with a real {@code kill -9} at the first line of its
   * output that contains {@code marker}; returns once the child has ended. Fails when the child
   * ends without printing the marker (the output is in the message), outlives the timeout, or ends
   * otherwise than by SIGKILL.
   */
  public static void killAt(List<String> command, String marker, Duration timeout) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean killed = false;
    List<String> output = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        output.add(l);
        if (!killed && l.contains(marker)) {
          Process kill = new ProcessBuilder("kill", "-9", String.valueOf(child.pid())).inheritIO().start();
          assertEquals(0, kill.waitFor());
          killed = true;
        }
      }
      assertTrue(child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS), "child ended");
    } finally {
      child.destroyForcibly();
    }
    assertTrue(killed, "the child reached '" + marker + "':\n" + String.join("\n", output));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
  }
}
