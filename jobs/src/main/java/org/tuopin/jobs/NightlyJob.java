package org.tuopin.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;

/**
 * {@code tuopin nightly}: reference (when its files changed) → ingest → conform → conform-cooperation →
 * conform-survey → aggregate → assess. Each
 * stage is idempotent and appends its own ops.runs row, so a failed run is resumed by running it
 * again; a stage that fails stops the run. Refused input (exit 2) does not stop it: the rest was
 * loaded and is carried through.
 */
public final class NightlyJob {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /** Options of one night. */
  public record Options(LocalDate batchDate, boolean full, boolean force) {}

  /** The stages run, in order, and the worst outcome. */
  public record Result(List<StageResult> stages, ExitStatus outcome, IngestJob.Result ingest) {
    public Result {
      stages = List.copyOf(stages);
    }
  }

  private final JobContext ctx;
  private final Options options;
  private final byte[] pseudonymKey;

  /** @param pseudonymKey the resolved key (PseudonymKey.resolve), checked before the session started */
  public NightlyJob(JobContext ctx, Options options, byte[] pseudonymKey) {
    this.ctx = ctx;
    this.options = options;
    this.pseudonymKey = pseudonymKey.clone();
  }

  public Result execute() {
    List<StageResult> stages = new ArrayList<>();
    String date = options.batchDate() == null ? null : options.batchDate().toString();
    LOG.info("nightly run {} for batch date {} ({})", ctx.runId(), date == null ? "(all pending)" : date, options.full() ? "full rebuild" : "incremental");
    ReferenceJob reference = new ReferenceJob(ctx);
    if (options.full() || reference.changed()) {
      stages.add(log(reference.execute()));
    } else {
      LOG.info("reference: files unchanged since the last load; ref tables kept");
    }
    IngestJob.Result ingest = new IngestJob(ctx, new IngestJob.Options(options.batchDate(), options.force()), pseudonymKey).execute();
    stages.add(log(ingest.stage()));
    ExitStatus outcome = worst(stages);
    if (outcome == ExitStatus.FAILURE) {
      return new Result(stages, outcome, ingest);
    }
    stages.add(log(new ConformJob(ctx, false).execute()));
    stages.add(log(new CooperationConformJob(ctx, options.full()).execute()));
    stages.add(log(new SurveyConformJob(ctx).execute()));
    outcome = worst(stages);
    if (outcome == ExitStatus.FAILURE) {
      return new Result(stages, outcome, ingest);
    }
    stages.add(log(new AggregateJob(ctx, date, options.full()).execute()));
    stages.add(log(new AssessJob(ctx, null, date, !options.full()).execute()));
    return new Result(stages, worst(stages), ingest);
  }

  private static ExitStatus worst(List<StageResult> stages) {
    ExitStatus w = ExitStatus.OK;
    for (StageResult s : stages) {
      w = w.worst(s.outcome());
    }
    return w;
  }

  private static StageResult log(StageResult r) {
    LOG.info(
        "{}: {} in {} s; rows in {}, out {}, quarantined {} ({} rows/s){}",
        r.stage(), r.outcome(), String.format(java.util.Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0),
        r.rowsIn(), r.rowsOut(), r.rowsQuarantined(), Math.round(r.rowsPerSecond()),
        r.message().isEmpty() ? "" : "; " + r.message());
    return r;
  }
}
