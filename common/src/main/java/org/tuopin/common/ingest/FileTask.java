package org.tuopin.common.ingest;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * One landing file to read on an executor, with the batch metadata every bronze row carries.
 *
 * @param path absolute Hadoop path of the file
 * @param sourceFile path relative to the landing root, as stored in {@code _source_file}
 */
public record FileTask(
    LandingTable table,
    String path,
    String sourceFile,
    String encoding,
    String province,
    String batchId,
    int batchYear,
    String batchKind,
    Timestamp ingestedAt,
    String runId)
    implements Serializable {}
