package io.referrals.metrics.rest;

import java.util.List;

/** Rows an answer can also give as CSV (Accept: text/csv): the same rows as its JSON list. */
public interface CsvTable {
    List<String> csvHeader();

    List<List<Object>> csvRows();
}
