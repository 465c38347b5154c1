package org.tuopin.common.domain;

/** A value of a code list: the code stored in silver and the label provinces deliver in landing. */
public interface Coded {
  /** The stable code written to silver and curated tables (e.g. {@code ILLNESS}). */
  String name();

  /** The label as delivered in landing files (e.g. {@code 因病}). */
  String label();
}
