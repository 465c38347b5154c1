package org.tuopin.common.ingest;

import java.io.Serializable;

/**
 * What reading one landing file found, reported by the executor that read it: file metadata, never
 * a record's content. {@code problemRule} is set when the file as a whole is unusable (empty,
 * wrong header, undecodable bytes); record-level findings are counts and first lines.
 *
 * @param records data records (header excluded), including malformed ones
 * @param parseErrors records that could not be split into the declared columns
 * @param unclosedQuoteLine line of a record whose quote runs to the end of the file, or 0
 * @param foreignRecords records whose village code is not in the delivering province
 * @param firstForeignLine line of the first such record, or 0
 * @param firstForeignCounty that record's 6-digit county code (a place, not a person)
 * @param idsChecked resident IDs seen; {@code idsInvalid} of them failed validation
 */
public record FileSummary(
    String province,
    String batchId,
    String file,
    long bytes,
    String sha256,
    long records,
    long parseErrors,
    long unclosedQuoteLine,
    long foreignRecords,
    long firstForeignLine,
    String firstForeignCounty,
    long idsChecked,
    long idsInvalid,
    String problemRule,
    long problemLine,
    String problem,
    long millis)
    implements Serializable {

  /** The batch's key: a batch id is unique only within its province folder. */
  public String batchKey() {
    return province + "/" + batchId;
  }

  /** True when the file itself was unusable. */
  public boolean unusable() {
    return problemRule != null;
  }
}
