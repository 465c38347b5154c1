package org.tuopin.common.ingest;

/**
 * Why ingest refuses a whole batch. Each rule has a stable id (stored in reasons and quality
 * metrics) and the sentence telling the province what to do.
 */
public enum RefusalRule {
  MANIFEST_MISSING("ingest.manifest-missing", "deliver manifest.json with the batch"),
  MANIFEST_MALFORMED("ingest.manifest-malformed", "deliver a manifest.json that is valid JSON"),
  MANIFEST_FIELD("ingest.manifest-field", "correct the manifest (see docs/ingest.md, landing contract)"),
  PROVINCE_MISMATCH("ingest.province-mismatch", "deliver the batch under its own province's folder"),
  FILE_MISSING("ingest.file-missing", "deliver every file the manifest lists"),
  FILE_UNLISTED("ingest.file-unlisted", "list the file in the manifest or remove it from the batch"),
  DUPLICATE_BATCH("ingest.duplicate-batch", "deliver new data under a new batch id"),
  DUPLICATE_CONTENT("ingest.duplicate-content", "do not deliver the same files twice under different batch ids"),
  EMPTY_FILE("ingest.empty-file", "deliver the file with its header line and records"),
  HEADER_ONLY("ingest.header-only", "deliver the records, or omit an unchanged file in a CHANGES batch"),
  HEADER_DELIMITER("ingest.header-delimiter", "separate columns with commas"),
  HEADER_MISSING_COLUMN("ingest.header-missing-column", "deliver every column of the contract"),
  HEADER_EXTRA_COLUMN("ingest.header-extra-column", "deliver only the columns of the contract"),
  ENCODING_INVALID("ingest.encoding-invalid", "declare the file's real encoding (UTF-8 or GB18030) in the manifest"),
  CHECKSUM_MISMATCH("ingest.checksum-mismatch", "deliver the file the manifest describes, or correct its sha256"),
  ROW_COUNT_MISMATCH("ingest.row-count-mismatch", "deliver the file the manifest describes, or correct its row count"),
  FOREIGN_COUNTY("ingest.foreign-county", "deliver only records of the province's own counties"),
  ROW_COUNT_DROP("ingest.row-count-drop", "check the extract; if the drop is real, rerun with --force");

  private final String id;
  private final String fix;

  RefusalRule(String id, String fix) {
    this.id = id;
    this.fix = fix;
  }

  public String id() {
    return id;
  }

  /** What the province (or the operator) should do. */
  public String fix() {
    return fix;
  }
}
