package org.tuopin.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivisionCodeTest {
  @Test
  void countyCodes() {
    assertTrue(DivisionCode.isCountyCode("520102"));
    assertTrue(DivisionCode.isCountyCode("632859"));
    assertTrue(DivisionCode.isCountyCode("460400"), "儋州: a prefecture-level city without districts is county-level");
    assertFalse(DivisionCode.isCountyCode("520000"), "a province");
    assertFalse(DivisionCode.isCountyCode("990102"), "no such province");
    assertFalse(DivisionCode.isCountyCode("52010"));
    assertFalse(DivisionCode.isCountyCode("52010a"));
    assertFalse(DivisionCode.isCountyCode(null));
  }

  @Test
  void villageCodes() {
    assertTrue(DivisionCode.isVillageCode("520102001200"));
    assertFalse(DivisionCode.isVillageCode("520102000200"), "township 000");
    assertFalse(DivisionCode.isVillageCode("520102001000"), "village 000");
    assertFalse(DivisionCode.isVillageCode("52010200120"), "11 digits");
    assertTrue(DivisionCode.isVillageCode("460400001201"), "a village of 儋州");
    assertFalse(DivisionCode.isVillageCode("520000001200"), "inside a province total");
  }

  @Test
  void nesting() {
    assertEquals("520102", DivisionCode.countyOfVillage("520102001200"));
    assertEquals("520000", DivisionCode.provinceOf("520102001200"));
    assertEquals("520100", DivisionCode.prefectureOf("520102"));
  }

  @Test
  void provincePrefixes() {
    assertTrue(DivisionCode.isProvincePrefix(11));
    assertTrue(DivisionCode.isProvincePrefix(65));
    assertTrue(DivisionCode.isProvincePrefix(82));
    assertFalse(DivisionCode.isProvincePrefix(16));
    assertFalse(DivisionCode.isProvincePrefix(66));
    assertFalse(DivisionCode.isProvincePrefix(10));
  }
}
