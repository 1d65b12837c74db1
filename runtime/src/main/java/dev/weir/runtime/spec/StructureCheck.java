package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON tree against the shape of the spec records before binding, so every structural problem is reported
 * with its path (unknown and missing properties, wrong JSON types, unknown {@code type}s, unparseable durations),
 * not just the first one Jackson would throw. The records are the single source of truth: allowed properties are
 * their components, required ones carry {@code @JsonProperty(required = true)}, polymorphic ones
 * {@code @JsonTypeInfo}/{@code @JsonSubTypes}. A sealed interface without {@code @JsonTypeInfo} is a choice of shapes:
 * a string naming a constant of one of its enums, or an object with the properties of one of its records.
 */
final class StructureCheck {
    private final Problems problems;

    StructureCheck(Problems problems) {
        this.problems = problems;
    }

    /** Checks {@code node} against {@code type}; returns whether no problem was found inside it. */
    boolean check(JsonNode node, Type type, SpecPath path) {
        int before = problems.count();
        Class<?> raw = raw(type);
        if (node.isNull()) {
            problems.add(path, "expected " + describe(type) + ", got null");
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            return true;
        } else if (raw == List.class) {
            checkList(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        } else if (raw.isAnnotationPresent(JsonTypeInfo.class)) {
            checkPolymorphic(node, raw, path);
        } else if (raw.isInterface() && raw.isSealed()) {
            checkChoice(node, raw, path);
        } else if (raw.isRecord()) {
            checkRecord(node, raw, path, null);
        } else {
            checkScalar(node, raw, path);
        }
        return problems.count() == before;
    }

    /** The path of element {@code i} of an array, with the element's name if it has one. */
    static SpecPath elementPath(SpecPath array, int i, JsonNode element) {
        JsonNode name = element.get("name");
        return name != null && name.isTextual() ? array.element(i, name.textValue()) : array.index(i);
    }

    private void checkList(JsonNode node, Type elementType, SpecPath path) {
        if (!node.isArray()) {
            problems.add(path, "expected an array, got " + show(node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            check(node.get(i), elementType, elementPath(path, i, node.get(i)));
        }
    }

    private void checkPolymorphic(JsonNode node, Class<?> base, SpecPath path) {
        if (!node.isObject()) {
            problems.add(path, "expected an object, got " + show(node));
            return;
        }
        String property = base.getAnnotation(JsonTypeInfo.class).property();
        Map<String, Class<?>> subtypes = subtypes(base);
        JsonNode t = node.get(property);
        String choices = String.join(", ", subtypes.keySet());
        if (t == null) {
            problems.add(path.property(property), "required property missing; one of: " + choices);
        } else if (!t.isTextual()) {
            problems.add(path.property(property), "expected a string, one of: " + choices + "; got " + show(t));
        } else if (!subtypes.containsKey(t.textValue())) {
            problems.add(path.property(property), "unknown type '" + t.textValue() + "'; one of: " + choices);
        } else {
            checkRecord(node, subtypes.get(t.textValue()), path, property);
        }
    }

    /** A string naming an enum constant, or an object whose properties all belong to one record subtype. */
    private void checkChoice(JsonNode node, Class<?> base, SpecPath path) {
        Class<?> record = null;
        if (node.isObject() && node.size() > 0) {
            for (Class<?> c : base.getPermittedSubclasses()) {
                if (c.isRecord() && properties(c).keySet().containsAll(names(node))) {
                    record = c;
                }
            }
        }
        if (record != null) {
            checkRecord(node, record, path, null);
        } else if (!node.isTextual() || !choiceNames(base).contains(node.textValue())) {
            problems.add(path, "expected " + describe(base) + ", got " + show(node));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The string forms of a choice: the JSON names of its enums' constants. */
    private static List<String> choiceNames(Class<?> base) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : base.getPermittedSubclasses()) {
            if (c.isEnum()) {
                names.addAll(enumNames(c));
            }
        }
        return names;
    }

    /** A choice for a message: {@code 'earliest', 'latest', {"timestamp": ...} or {"committed": ...}}. */
    private static String describeChoice(Class<?> base) {
        List<String> forms = new ArrayList<>();
        choiceNames(base).forEach(n -> forms.add("'" + n + "'"));
        for (Class<?> c : base.getPermittedSubclasses()) {
            if (c.isRecord()) {
                forms.add("{" + String.join(", ", properties(c).keySet().stream().map(n -> "\"" + n + "\": ...").toList()) + "}");
            }
        }
        return forms.size() == 1 ? forms.get(0)
                : String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.get(forms.size() - 1);
    }

    private void checkRecord(JsonNode node, Class<?> record, SpecPath path, String discriminator) {
        if (!node.isObject()) {
            problems.add(path, "expected an object, got " + show(node));
            return;
        }
        Map<String, RecordComponent> components = properties(record);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!components.containsKey(name) && !name.equals(discriminator)) {
                List<String> allowed = new ArrayList<>();
                if (discriminator != null) {
                    allowed.add(discriminator);
                }
                allowed.addAll(components.keySet());
                problems.add(path.property(name), "unknown property; allowed here: " + String.join(", ", allowed));
            }
        }
        components.forEach((name, rc) -> {
            JsonNode value = node.get(name);
            if (value == null) {
                JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
                if (p != null && p.required()) {
                    problems.add(path.property(name), "required property missing");
                }
            } else {
                check(value, rc.getGenericType(), path.property(name));
            }
        });
    }

    private void checkScalar(JsonNode node, Class<?> type, SpecPath path) {
        boolean ok;
        String detail = null;
        if (type == String.class) {
            ok = node.isTextual();
        } else if (type == Integer.class || type == int.class) {
            ok = node.isIntegralNumber() && node.canConvertToInt();
        } else if (type == Long.class || type == long.class) {
            ok = node.isIntegralNumber() && node.canConvertToLong();
        } else if (type == Double.class || type == double.class) {
            ok = node.isNumber();
        } else if (type == Boolean.class || type == boolean.class) {
            ok = node.isBoolean();
        } else if (type == Duration.class) {
            ok = node.isTextual() && parses(() -> Duration.parse(node.textValue()));
            detail = "is not an ISO-8601 duration (examples: 'PT10S', 'PT0.5S', 'PT5M', 'PT1H')";
        } else if (type == Instant.class) {
            ok = node.isTextual() && parses(() -> Instant.parse(node.textValue()));
            detail = "is not an ISO-8601 instant (example: '2024-01-01T00:00:00Z')";
        } else if (type.isEnum()) {
            ok = node.isTextual() && enumNames(type).contains(node.textValue());
            detail = "is not one of: " + String.join(", ", enumNames(type));
        } else {
            throw new IllegalStateException("spec type " + type + " is not supported by the structure check");
        }
        if (!ok) {
            if (detail != null && node.isTextual()) {
                problems.add(path, "'" + node.textValue() + "' " + detail);
            } else {
                problems.add(path, "expected " + describe(type) + ", got " + show(node));
            }
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The JSON property names of a record, in declaration order. */
    static Map<String, RecordComponent> properties(Class<?> record) {
        Map<String, RecordComponent> m = new LinkedHashMap<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
            m.put(p != null && !p.value().isEmpty() ? p.value() : rc.getName(), rc);
        }
        return m;
    }

    /** The subtypes of a polymorphic spec type by their {@code type} names. */
    static Map<String, Class<?>> subtypes(Class<?> base) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (JsonSubTypes.Type t : base.getAnnotation(JsonSubTypes.class).value()) {
            m.put(t.value().getAnnotation(JsonTypeName.class).value(), t.value());
        }
        return m;
    }

    /** The JSON spellings of an enum's constants. */
    static List<String> enumNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            String n = ((Enum<?>) c).name();
            try {
                JsonProperty p = enumType.getField(n).getAnnotation(JsonProperty.class);
                names.add(p != null ? p.value() : n);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    static String describe(Type type) {
        Class<?> c = raw(type);
        if (c == String.class) return "a string";
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) return "an integer";
        if (c == Double.class || c == double.class) return "a number";
        if (c == Boolean.class || c == boolean.class) return "true or false";
        if (c == Duration.class) return "an ISO-8601 duration string such as 'PT10S'";
        if (c == Instant.class) return "an ISO-8601 instant string such as '2024-01-01T00:00:00Z'";
        if (c.isEnum()) return "one of: " + String.join(", ", enumNames(c));
        if (c == List.class) return "an array";
        if (c.isInterface() && c.isSealed() && !c.isAnnotationPresent(JsonTypeInfo.class)) return describeChoice(c);
        return "an object";
    }

    /** A JSON value for a message, shortened. */
    static String show(JsonNode n) {
        String s = n.isTextual() ? "'" + n.textValue() + "'" : n.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
