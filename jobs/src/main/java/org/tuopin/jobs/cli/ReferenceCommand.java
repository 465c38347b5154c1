package org.tuopin.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.config.TuopinConfig;
import org.tuopin.common.error.ExitStatus;
import org.tuopin.common.ops.StageResult;
import org.tuopin.jobs.ReferenceJob;
import picocli.CommandLine.Command;

/** {@code tuopin reference}: loads the reference data into the ref.* tables. */
@Command(
    name = "reference",
    mixinStandardHelpOptions = true,
    description = "Load conf/reference (divisions, poor counties, pairings, poverty lines, thresholds) into the ref.* Delta tables.")
public final class ReferenceCommand extends JobCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceCommand.class);

  @Override
  protected ExitStatus run(TuopinConfig config) throws Exception {
    return withSpark(
        config,
        ctx -> {
          StageResult r = new ReferenceJob(ctx).execute();
          LOG.info("reference: {} rows in {} tables, {} s", r.rowsOut(), r.tableVersions().size(), r.elapsed().toMillis() / 1000.0);
          return r.outcome();
        });
  }
}
