package org.tuopin.common.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tuopin.common.catalog.Table;
import org.tuopin.common.schema.TableSchemas;

/** Every table has a declared schema, and every column a meaning in English and Chinese. */
class DataDictionaryTest {
  @Test
  void everyTableOfTheCatalogueHasASchemaOrIsListedAsUndeclared() {
    List<String> neither = new ArrayList<>();
    List<String> both = new ArrayList<>();
    for (Table t : Table.values()) {
      boolean declared = TableSchemas.of(t).isPresent();
      boolean undeclared = TableSchemas.UNDECLARED.contains(t);
      if (!declared && !undeclared) {
        neither.add(t.qualifiedName());
      } else if (declared && undeclared) {
        both.add(t.qualifiedName());
      }
    }
    assertEquals(List.of(), neither, "tables without a schema: add each to TableSchemas (common/.../schema)");
    assertEquals(List.of(), both, "tables with a schema still listed in TableSchemas.UNDECLARED: remove them there");
  }

  @Test
  void everyColumnOfEveryDeclaredTableIsDescribed() {
    assertEquals(
        List.of(),
        DictionaryRenderer.undescribed(),
        "tables and columns without a data-dictionary entry: describe them in DataDictionary, then run "
            + DictionaryRenderer.REGENERATE);
  }

  @Test
  void aTableSpecificEntryOverridesTheGeneralOne() {
    // The general "level" is an aggregation level; in ref.divisions it is the division's own level.
    assertTrue(DataDictionary.describe(Table.CURATED_INCIDENCE, "level").orElseThrow().en().startsWith("Administrative level"));
    assertTrue(DataDictionary.describe(Table.REF_DIVISIONS, "level").orElseThrow().en().startsWith("Level of the division"));
  }

  @Test
  void descriptionsNeedBothLanguages() {
    assertThrows(IllegalArgumentException.class, () -> new ColumnDoc("x", " ", "", ""));
  }
}
