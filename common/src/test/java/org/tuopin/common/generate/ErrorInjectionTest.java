package org.tuopin.common.generate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tuopin.common.id.ResidentId;
import org.tuopin.common.schema.InjectedErrors;
import org.tuopin.common.schema.LandingMembers;
import org.tuopin.common.test.SharedSpark;

/** Error injection on a tiny hand-written members frame. */
@ExtendWith(SharedSpark.class)
class ErrorInjectionTest {

  private static Dataset<Row> members() {
    StructType schema = LandingMembers.SCHEMA
        .add(LandingLayout.BATCH_PROVINCE, DataTypes.StringType)
        .add(LandingLayout.BATCH_YEAR, DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    String[] ids = {"52010219871005001", "52010219901219002", "52010220140716001"};
    for (int i = 0; i < ids.length; i++) {
      String id = ids[i] + ResidentId.checkCharacter(ids[i]);
      rows.add(RowFactory.create(id, "5201020012010001", "2016", "户主", i == 1 ? "女" : "男", "1987-10-05", "普通劳动力",
          "非在校生", "否", "健康", "是", "否", null, "0", "520000", 2016));
    }
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  @Test
  void rateZeroChangesNothing() {
    Dataset<Row> out = new ErrorInjection(1, 0.0).corrupt(members(), LandingMembers.FILE);
    assertEquals(0, out.filter(col(ErrorInjection.KIND).isNotNull()).count());
    SharedSpark.assertSameRows(members(), out.drop(ErrorInjection.KIND, ErrorInjection.COPY));
  }

  @Test
  void rateOneCorruptsEveryLineAndListsEachWithItsRule() {
    ErrorInjection injection = new ErrorInjection(1, 1.0);
    Dataset<Row> out = injection.corrupt(members(), LandingMembers.FILE);
    long duplicates = out.filter(col(ErrorInjection.COPY).equalTo(1)).count();
    assertEquals(3 + duplicates, out.count());
    // Every original line has a kind, except the clean first copy of a duplicated line.
    assertEquals(3, out.filter(col(ErrorInjection.KIND).isNotNull()).count());
    Dataset<Row> listed = ErrorInjection.injected(out, LandingMembers.FILE);
    assertEquals(3, listed.count());
    for (ErrorKind k : ErrorKind.values()) {
      long wrong =
          listed.filter(col(InjectedErrors.KIND).equalTo(k.name()).and(col(InjectedErrors.EXPECTED_OUTCOME).notEqual(k.ruleId()))).count();
      assertEquals(0, wrong, k.name());
    }
    assertEquals(0, listed.filter(col(InjectedErrors.LINE).lt(2).or(col(InjectedErrors.LINE).gt(3 + duplicates + 1))).count());
    assertEquals(0, listed.filter(col(InjectedErrors.BATCH_ID).notEqual("520000-2016-FULL-001")).count());
  }

  @Test
  void kindsApplyToTheirFiles() {
    assertTrue(ErrorKind.forFile(LandingMembers.FILE).contains(ErrorKind.ORPHAN_MEMBER));
    assertTrue(!ErrorKind.forFile(LandingMembers.FILE).contains(ErrorKind.NEGATIVE_INCOME));
    assertEquals(Optional.of(ErrorKind.DUPLICATE_LINE), ErrorKind.forFile("households.csv").stream().filter(k -> k == ErrorKind.DUPLICATE_LINE).findFirst());
    assertEquals(List.of(), ErrorKind.forFile("population.csv"));
  }
}
