package org.tuopin.common.ingest;

import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuopin.common.ops.PausePoint;
import org.tuopin.common.privacy.Pseudonymizer;

/**
 * The landing files of one table as a bronze DataFrame: a few files per Spark task, each file opened
 * through Hadoop on the executor and parsed with {@link LandingFileParser}. Spark's CSV
 * source is not used because it cannot report the physical line of a record. Each task adds its
 * file's {@link FileSummary} to an accumulator when the file has been read to its end, so the
 * driver learns checksums, counts and problems from the same single pass that writes the rows.
 */
public final class BronzeReader {
  private BronzeReader() {}

  private static final int TASKS_PER_CORE = 4;

  /**
   * The bronze rows of the given files (all of one table). Lazy: nothing is read until an action,
   * and the summaries arrive in {@code summaries} as the action's tasks finish.
   */
  public static Dataset<Row> read(
      SparkSession spark,
      LandingTable table,
      List<FileTask> files,
      Pseudonymizer pseudonymizer,
      CollectionAccumulator<FileSummary> summaries) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // A few files per task rather than one: each task pays for a Parquet writer per partition it
    // touches and for its scheduling, which costs more than reading a small delivery. Four tasks
    // per core keep the cores busy while one reads a large file.
    int slices = Math.max(1, Math.min(files.size(), TASKS_PER_CORE * jsc.defaultParallelism()));
    JavaRDD<FileTask> tasks = jsc.parallelize(files, slices);
    SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    JavaRDD<Row> rows = tasks.flatMap(new ReadFile(conf, pseudonymizer, summaries));
    return spark.createDataFrame(rows, table.bronzeSchema());
  }

  private static final class ReadFile implements FlatMapFunction<FileTask, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BronzeReader.class);
    private final SerializableHadoopConf conf;
    private final Pseudonymizer pseudonymizer;
    private final CollectionAccumulator<FileSummary> summaries;

    ReadFile(SerializableHadoopConf conf, Pseudonymizer pseudonymizer, CollectionAccumulator<FileSummary> summaries) {
      this.conf = conf;
      this.pseudonymizer = pseudonymizer;
      this.summaries = summaries;
    }

    @Override
    public Iterator<Row> call(FileTask task) throws Exception {
      Path p = new Path(task.path());
      LOG.info("reading {} ({})", task.sourceFile(), task.encoding());
      // Test hook: a crash test can stop here once this task has written its data file, uncommitted.
      PausePoint.atTaskEnd("ingest:wrote " + task.table().bronze().qualifiedName());
      return LandingFileParser.rows(
          task,
          p.getFileSystem(conf.get()).open(p),
          pseudonymizer,
          s -> {
            summaries.add(s);
            LOG.info(
                "read {}: {} records, {} bytes in {} ms ({} records/s){}",
                task.sourceFile(),
                s.records(),
                s.bytes(),
                s.millis(),
                s.millis() == 0 ? s.records() : s.records() * 1000 / s.millis(),
                s.unusable() ? ", unusable: " + s.problemRule() : "");
          });
    }
  }
}
