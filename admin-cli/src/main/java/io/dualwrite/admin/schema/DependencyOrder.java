package io.dualwrite.admin.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order {@code schema} creates objects in: every table (without its foreign keys; parents
 * before children where the keys allow, by name otherwise), then their indexes (unique ones are
 * what foreign keys reference), then the foreign keys as {@code ALTER TABLE ... ADD CONSTRAINT} (so
 * cycles of keys need no special case), then the views, each after the views it reads.
 */
final class DependencyOrder {
  private DependencyOrder() {}

  static List<SchemaObject> order(List<SchemaObject> objects) {
    List<SchemaObject> out = new ArrayList<>();
    Map<String, SchemaObject> tables = new HashMap<>();
    Map<String, Set<String>> tableNeeds = new HashMap<>();
    Map<String, SchemaObject> views = new HashMap<>();
    Map<String, Set<String>> viewNeeds = new HashMap<>();
    for (SchemaObject o : objects) {
      if (o.kind() == SchemaObject.Kind.TABLE) {
        tables.put(o.name(), o);
        tableNeeds.put(o.name(), new HashSet<>());
      } else if (o.kind() == SchemaObject.Kind.VIEW) {
        views.put(o.name(), o);
        viewNeeds.put(o.name(), o.needs());
      }
    }
    for (SchemaObject o : objects) {
      if (o.kind() == SchemaObject.Kind.FOREIGN_KEY && tableNeeds.containsKey(o.table())) {
        tableNeeds.get(o.table()).addAll(o.needs());
      }
    }
    List<String> tableOrder = topological(tableNeeds);
    for (String t : tableOrder) {
      out.add(tables.get(t));
    }
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < tableOrder.size(); i++) {
      rank.put(tableOrder.get(i), i);
    }
    Comparator<SchemaObject> byTable =
        Comparator.<SchemaObject>comparingInt(o -> rank.getOrDefault(o.table(), Integer.MAX_VALUE))
            .thenComparing(SchemaObject::table)
            .thenComparing(SchemaObject::name);
    for (SchemaObject.Kind kind : List.of(SchemaObject.Kind.INDEX, SchemaObject.Kind.FOREIGN_KEY)) {
      objects.stream().filter(o -> o.kind() == kind).sorted(byTable).forEach(out::add);
    }
    for (String v : topological(viewNeeds)) {
      out.add(views.get(v));
    }
    return out;
  }

  /**
   * The keys of {@code needs} so that each comes after what it needs (names outside the map are
   * ignored), ties and cycles broken by name: deterministic for the same input.
   */
  static List<String> topological(Map<String, Set<String>> needs) {
    List<String> names = new ArrayList<>(needs.keySet());
    names.sort(null);
    Set<String> done = new LinkedHashSet<>();
    for (String n : names) {
      visit(n, needs, done, new HashSet<>());
    }
    return new ArrayList<>(done);
  }

  private static void visit(
      String name, Map<String, Set<String>> needs, Set<String> done, Set<String> visiting) {
    if (done.contains(name) || !needs.containsKey(name) || !visiting.add(name)) {
      return; // done, unknown, or a cycle: its members keep name order
    }
    List<String> first = new ArrayList<>(needs.get(name));
    first.sort(null);
    for (String n : first) {
      if (!n.equals(name)) {
        visit(n, needs, done, visiting);
      }
    }
    done.add(name);
  }
}
