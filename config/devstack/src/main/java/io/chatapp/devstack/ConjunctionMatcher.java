package io.chatapp.devstack;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mongo-java-server's query matcher, with a direct path for the queries the application sends most:
 * a conjunction of string equalities and {@code $nin} over strings, such as the count of a storage
 * batch on its chat, {@code {$and: [{_id: chat}, {counted: {$nin: [ids]}}]}}. The server's matcher
 * compares each id with each of a chat's 64 counted ones through {@code Utils.normalizeValue},
 * which streams over the whole array for every comparison, and it does that twice for each chat
 * updated (once to match, once to find the position for {@code $}): JFR at 1,000 msg/s, 15-20 % of
 * the server's CPU samples. Every other query goes to the server's matcher, so the answers are the
 * same ({@code ConjunctionMatcherTest} compares both on generated documents).
 */
final class ConjunctionMatcher implements QueryMatcher {

  private static final String AND = "$and";
  private static final String NIN = "$nin";
  private static final String ID = "_id";

  private final QueryMatcher general = new DefaultQueryMatcher();

  @Override
  public boolean matches(Document document, Document query) {
    List<Condition> conditions = conditions(query);
    if (conditions == null) {
      return general.matches(document, query);
    }
    for (Condition condition : conditions) {
      Object value = document.get(condition.field());
      if (hasNested(value)) {
        return general.matches(document, query);
      }
      if (!condition.holdsFor(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An array holding arrays or documents: the server's matcher looks into those too. A string is
   * ruled out first, by its class alone: asking a string whether it is a {@code Collection} or a
   * {@code Map}, interfaces it does not implement, makes JDK 17 walk all of its interfaces every
   * time (about 30 ns here), and a chat's 64 counted ids made this the most costly part of its
   * count update's match: 1.9 µs a call alone on one core, 80 ns with strings ruled out first.
   */
  private static boolean hasNested(Object value) {
    if (value instanceof Collection<?> elements) {
      for (Object element : elements) {
        if (!(element instanceof String)
            && (element instanceof Collection<?> || element instanceof Map<?, ?>)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code $nin} and equality on {@code _id} (never an array) match no array element by position,
   * so an update's {@code $} has none, as with the server's matcher; equality on another field may
   * match one, and goes to the server's matcher.
   */
  @Override
  public Integer matchPosition(Document document, Document query) {
    return isPositional(query) ? general.matchPosition(document, query) : null;
  }

  @Override
  public boolean matchesValue(Object value, Object condition) {
    return general.matchesValue(value, condition);
  }

  private boolean isPositional(Document query) {
    List<Condition> conditions = conditions(query);
    return conditions == null
        || conditions.stream().anyMatch(c -> c.values() == null && !ID.equals(c.field()));
  }

  /**
   * One condition: the field equals {@code equal}, or (with {@code values}) is none of those; an
   * array field holds it when one of its elements equals, or none of them is one of those.
   */
  private record Condition(String field, String equal, Set<String> values) {

    boolean holdsFor(Object value) {
      if (values == null) {
        return equal.equals(value)
            || (value instanceof Collection<?> elements && elements.contains(equal));
      }
      if (value instanceof String text) {
        return !values.contains(text);
      }
      if (value instanceof Collection<?> elements) {
        for (Object element : elements) {
          if (element instanceof String text && values.contains(text)) {
            return false;
          }
        }
      }
      return true; // missing, null or of another type: equal to none of the strings
    }
  }

  /** The query's conditions when it has only these two kinds (in {@code $and}s too); else null. */
  private static List<Condition> conditions(Document query) {
    List<Condition> conditions = new ArrayList<>();
    return collect(query, conditions) ? conditions : null;
  }

  private static boolean collect(Map<String, Object> query, List<Condition> conditions) {
    for (Map.Entry<String, Object> entry : query.entrySet()) {
      String field = entry.getKey();
      Object condition = entry.getValue();
      if (AND.equals(field)) {
        if (!(condition instanceof List<?> all) || all.isEmpty()) {
          return false;
        }
        for (Object each : all) {
          if (!(each instanceof Document part) || !collect(part, conditions)) {
            return false;
          }
        }
      } else if (field.startsWith("$") || field.contains(".")) {
        return false;
      } else if (condition instanceof String equal) {
        conditions.add(new Condition(field, equal, null));
      } else if (condition instanceof Document operator
          && operator.size() == 1
          && operator.get(NIN) instanceof List<?> excluded
          && excluded.stream().allMatch(String.class::isInstance)) {
        Set<String> values = new HashSet<>();
        excluded.forEach(value -> values.add((String) value));
        conditions.add(new Condition(field, null, values));
      } else {
        return false;
      }
    }
    return true;
  }
}
