package io.dualwrite.admin.repair;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code repair} is to do in one table: the keys to repair, and/or a full comparison whose
 * differing keys are repaired; and the drift rows (as the control store names them) to clear when
 * every key was repaired.
 */
final class TablePlan {
  final String table;
  final Set<List<String>> keys = new LinkedHashSet<>();
  boolean compareWholeTable;
  final Set<String> driftNames = new LinkedHashSet<>();
  final Set<String> driftKeys = new LinkedHashSet<>();
  boolean driftWholeTable;
  String warning;

  TablePlan(String table) {
    this.table = table;
  }
}
