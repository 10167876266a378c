package net.notejam.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the Kubernetes API would reject or silently drop. fabric8 puts every unknown field,
 * and every value of the wrong type, into an object's additionalProperties instead of failing; a
 * non-empty one anywhere is a misspelling, a wrong indentation or a wrong type.
 */
final class StrictFields {

  private StrictFields() {}

  static List<String> unknownFields(Object model) {
    List<String> problems = new ArrayList<>();
    walk(model, "", problems);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object item : list) {
        walk(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, problems));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra) {
          extra
              .keySet()
              .forEach(k -> problems.add(path + "." + k + ": unknown field, or wrong type"));
        }
        continue;
      }
      String field =
          Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
      walk(child, path + "." + field, problems);
    }
  }

  /**
   * Custom resources without a fabric8 model or a strict schema (the monitoring kinds): compare
   * them with the fields listed in custom-resource-fields.yaml. A null leaf there allows any value
   * below it.
   */
  static List<String> unknownFields(JsonNode actual, JsonNode allowed, String path) {
    List<String> problems = new ArrayList<>();
    if (allowed == null || allowed.isNull()) {
      return problems;
    }
    if (actual.isArray()) {
      // The fields listed for a list are those of each of its items.
      for (int i = 0; i < actual.size(); i++) {
        problems.addAll(unknownFields(actual.get(i), allowed, path + "[" + i + "]"));
      }
      return problems;
    }
    if (!actual.isObject()) {
      return problems;
    }
    actual
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.has(name)) {
                problems.add(path + "." + name + ": unknown field");
              } else {
                problems.addAll(
                    unknownFields(actual.get(name), allowed.get(name), path + "." + name));
              }
            });
    return problems;
  }
}
