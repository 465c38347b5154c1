package org.tuopin.common.cooperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tuopin.common.catalog.Catalog;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.curated.CuratedWriter;
import org.tuopin.common.schema.CuratedCooperationAssessment;
import org.tuopin.common.schema.CuratedCooperationIndicators;
import org.tuopin.common.schema.CuratedCooperationRoster;

/**
 * The layouts of the three curated cooperation tables for {@link CuratedWriter}, and the CHECK
 * constraints beyond its rates and counts: every score and the total within 0–100, the grade one of
 * the four labels, the side HELPER or HELPED, the rank at least 1.
 */
public final class CooperationTables {
  private CooperationTables() {}

  /** curated.cooperation_assessment as written: the contract's columns, then {@link CooperationAssessment#PEERS}. */
  public static final StructType ASSESSMENT_SCHEMA = withPeers(CuratedCooperationAssessment.SCHEMA);

  public static final CuratedWriter.Layout ASSESSMENT =
      new CuratedWriter.Layout(
          Table.CURATED_COOPERATION_ASSESSMENT, ASSESSMENT_SCHEMA, CuratedCooperationAssessment.PARTITION_BY, List.of(),
          List.of(CooperationAssessment.PEERS));
  public static final CuratedWriter.Layout INDICATORS =
      new CuratedWriter.Layout(
          Table.CURATED_COOPERATION_INDICATORS, CuratedCooperationIndicators.SCHEMA, CuratedCooperationIndicators.PARTITION_BY,
          List.of(), CuratedCooperationIndicators.COUNTS);
  public static final CuratedWriter.Layout ROSTER =
      new CuratedWriter.Layout(
          Table.CURATED_COOPERATION_ROSTER, CuratedCooperationRoster.SCHEMA, CuratedCooperationRoster.PARTITION_BY, List.of(),
          CuratedCooperationRoster.COUNTS);

  private static StructType withPeers(StructType contract) {
    List<StructField> f = new ArrayList<>(List.of(contract.fields()));
    f.add(DataTypes.createStructField(CooperationAssessment.PEERS, DataTypes.IntegerType, true));
    return new StructType(f.toArray(new StructField[0]));
  }

  /** The constraints {@link CuratedWriter.Layout} does not express, by table. */
  public static Map<String, String> extraConstraints(Table t) {
    Map<String, String> m = new LinkedHashMap<>();
    String side = CuratedCooperationAssessment.SIDE + " IN ('" + CuratedCooperationAssessment.SIDE_HELPER + "', '"
        + CuratedCooperationAssessment.SIDE_HELPED + "')";
    if (t == Table.CURATED_COOPERATION_ASSESSMENT) {
      for (Aspect a : Aspect.values()) {
        m.put(a.scoreColumn() + "_0_100", between(a.scoreColumn()));
      }
      m.put("total_0_100", between(CuratedCooperationAssessment.TOTAL));
      List<String> labels = new ArrayList<>();
      for (Grade g : Grade.values()) {
        labels.add("'" + g.label() + "'");
      }
      m.put("grade_known", CuratedCooperationAssessment.GRADE + " IS NULL OR " + CuratedCooperationAssessment.GRADE
          + " IN (" + String.join(", ", labels) + ")");
      m.put("rank_positive", CuratedCooperationAssessment.RANK + " IS NULL OR " + CuratedCooperationAssessment.RANK + " >= 1");
      m.put("side_known", side);
    } else if (t == Table.CURATED_COOPERATION_INDICATORS) {
      m.put("normalised_0_100", between(CuratedCooperationIndicators.NORMALISED));
      m.put("side_known", side);
    } else if (t == Table.CURATED_COOPERATION_ROSTER) {
      m.put("not_self_assessed", CuratedCooperationRoster.ASSESSOR_CODE + " <> " + CuratedCooperationRoster.ASSESSED_CODE);
    }
    return m;
  }

  /**
   * A small tolerance above 100: a sum of weighted scores whose weights add to 1 may exceed 100 by
   * the rounding of double arithmetic.
   */
  private static String between(String c) {
    return c + " IS NULL OR (" + c + " >= 0 AND " + c + " <= 100.000001)";
  }

  /** Creates the table through CuratedWriter and adds the extra constraints it lacks. */
  public static void ensure(SparkSession spark, Catalog catalog, CuratedWriter.Layout layout) {
    CuratedWriter.ensureTable(spark, catalog, layout);
    String path = catalog.path(layout.table());
    Map<String, String> properties = catalog.properties(spark, layout.table());
    for (Map.Entry<String, String> c : extraConstraints(layout.table()).entrySet()) {
      if (!properties.containsKey("delta.constraints." + c.getKey().toLowerCase(Locale.ROOT))) {
        spark.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT " + c.getKey() + " CHECK (" + c.getValue() + ")");
      }
    }
  }
}
