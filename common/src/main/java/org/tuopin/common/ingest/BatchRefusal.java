package org.tuopin.common.ingest;

import org.tuopin.common.error.Errors;

/**
 * Why a batch is refused: the rule, the file and line where there is one, and the problem in words
 * that never contain a record's content.
 *
 * @param file file name in the batch folder, or null for the batch as a whole
 * @param line 1-based physical line, or 0
 */
public record BatchRefusal(RefusalRule rule, String file, long line, String problem) {

  /** The one-line reason, as stored in ops.ingested_files and ops.runs. */
  public String reason(String province, String batchId) {
    return Errors.batchRefused(province, batchId, file, line, rule.id(), problem, rule.fix()).getMessage();
  }

  /** Thrown while checking a batch, to stop at its first problem. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient BatchRefusal refusal;

    Refused(RefusalRule rule, String file, long line, String problem) {
      super(problem, null, false, false);
      this.refusal = new BatchRefusal(rule, file, line, problem);
    }
  }
}
