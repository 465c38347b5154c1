package org.tuopin.jobs;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The code version recorded with a release: the jar's Implementation-Version (the Maven version),
 * followed by {@code git describe --always --dirty} when the run starts inside a git work tree
 * with git installed (a developer machine or the demo); neither is required.
 */
public final class CodeVersion {
  private CodeVersion() {}

  public static String current() {
    String v = CodeVersion.class.getPackage().getImplementationVersion();
    String base = v == null ? "development build" : v;
    String git = gitDescribe();
    return git == null ? base : base + " (git " + git + ")";
  }

  private static String gitDescribe() {
    try {
      Process p =
          new ProcessBuilder("git", "describe", "--always", "--dirty")
              .directory(new File("."))
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && !out.isEmpty() ? out : null;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
