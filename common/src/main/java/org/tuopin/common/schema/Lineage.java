package org.tuopin.common.schema;

/** Lineage columns carried from bronze on: where each row came from. */
public final class Lineage {
  private Lineage() {}

  /** 6-digit code of the delivering province. */
  public static final String PROVINCE = "_province";
  public static final String BATCH_ID = "_batch_id";
  /** The file's path relative to the landing root. */
  public static final String SOURCE_FILE = "_source_file";
  /** 1-based line number of the record's first physical line in its file (the header is line 1). */
  public static final String LINE = "_line";
  public static final String INGESTED_AT = "_ingested_at";
  public static final String RUN_ID = "_run_id";
}
