package dev.baton.runtime.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates a draft 2020-12 schema from a record, as strict as the boundary binds: every component
 * is required (the strict mapper fails on missing creator properties, so absent is never silently
 * "empty"); an {@link Optional} or {@code @Nullable} component (any annotation of that simple name)
 * admits an explicit {@code null}; no object admits properties the record does not declare. Nested
 * records go to {@code $defs} so recursive types terminate.
 */
final class RecordSchemas {

    private static final JsonMapper NODES = JsonMapper.builder().build();

    private final Map<Class<?>, ObjectNode> defs = new LinkedHashMap<>();
    private final Class<?> root;

    private RecordSchemas(Class<?> root) {
        this.root = root;
    }

    static ObjectNode generate(Class<?> type) {
        if (!type.isRecord()) {
            throw new ContractDefinitionException(type.getName(),
                    "schemas are generated from records only; give a schema resource for this type");
        }
        RecordSchemas generator = new RecordSchemas(type);
        ObjectNode schema = NODES.createObjectNode();
        schema.put("$schema", SchemaCompiler.DRAFT_2020_12);
        schema.put("title", type.getSimpleName());
        schema.setAll(generator.recordBody(type));
        if (!generator.defs.isEmpty()) {
            ObjectNode defsNode = schema.putObject("$defs");
            generator.defs.forEach((cls, body) -> defsNode.set(cls.getSimpleName(), body));
        }
        return schema;
    }

    private ObjectNode recordBody(Class<?> type) {
        ObjectNode body = NODES.createObjectNode();
        body.put("type", "object");
        ObjectNode properties = body.putObject("properties");
        ArrayNode required = NODES.createArrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = propertyName(component);
            Type generic = component.getGenericType();
            boolean optional = component.getType() == Optional.class;
            boolean nullable = hasNullable(component.getAnnotations())
                    || hasNullable(component.getAnnotatedType().getAnnotations());
            if (optional) {
                generic = typeArgument(generic, 0);
            }
            ObjectNode property = schemaFor(generic, name + " of " + type.getSimpleName());
            if (nullable || optional) {
                property = NODES.createObjectNode().set("anyOf",
                        NODES.createArrayNode().add(property).add(NODES.createObjectNode().put("type", "null")));
            }
            properties.set(name, property);
            required.add(name);
        }
        if (!required.isEmpty()) {
            body.set("required", required);
        }
        body.put("additionalProperties", false);
        return body;
    }

    private ObjectNode schemaFor(Type type, String where) {
        if (type instanceof Class<?> cls) {
            return schemaForClass(cls, where);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.createObjectNode().put("type", "array");
                array.set("items", schemaFor(typeArgument(type, 0), where));
                if (java.util.Set.class.isAssignableFrom(raw)) {
                    array.put("uniqueItems", true);
                }
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Type key = typeArgument(type, 0);
                if (key != String.class) {
                    throw new ContractDefinitionException(where, "map keys must be String to have a JSON Schema");
                }
                ObjectNode object = NODES.createObjectNode().put("type", "object");
                object.set("additionalProperties", schemaFor(typeArgument(type, 1), where));
                return object;
            }
            if (raw == Optional.class) {
                return schemaFor(typeArgument(type, 0), where);
            }
            return schemaForClass(raw, where);
        }
        if (type instanceof GenericArrayType array) {
            ObjectNode node = NODES.createObjectNode().put("type", "array");
            node.set("items", schemaFor(array.getGenericComponentType(), where));
            return node;
        }
        if (type instanceof WildcardType wildcard) {
            return schemaFor(wildcard.getUpperBounds()[0], where);
        }
        throw new ContractDefinitionException(where, "type " + type + " has no JSON Schema mapping");
    }

    private ObjectNode schemaForClass(Class<?> cls, String where) {
        ObjectNode node = NODES.createObjectNode();
        if (cls == String.class || cls == char.class || cls == Character.class) {
            return node.put("type", "string");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return node.put("type", "boolean");
        }
        if (cls == int.class || cls == Integer.class || cls == short.class || cls == Short.class
                || cls == byte.class || cls == Byte.class) {
            node.put("type", "integer");
            // keep the schema's range honest with what the Java type can hold
            if (cls == int.class || cls == Integer.class) {
                node.put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
            }
            return node;
        }
        if (cls == long.class || cls == Long.class) {
            return node.put("type", "integer").put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
        }
        if (cls == BigInteger.class) {
            return node.put("type", "integer");
        }
        if (cls == float.class || cls == Float.class) {
            // beyond a float's range, binding would silently make the value Infinity
            return node.put("type", "number").put("minimum", -Float.MAX_VALUE).put("maximum", Float.MAX_VALUE);
        }
        if (cls == double.class || cls == Double.class || cls == BigDecimal.class) {
            return node.put("type", "number"); // the boundary refuses numbers beyond a double's range while parsing
        }
        if (cls == UUID.class) {
            return node.put("type", "string").put("format", "uuid");
        }
        if (cls == Instant.class || cls == OffsetDateTime.class || cls == ZonedDateTime.class) {
            return node.put("type", "string").put("format", "date-time");
        }
        if (cls == LocalDate.class) {
            return node.put("type", "string").put("format", "date");
        }
        if (cls == URI.class) {
            return node.put("type", "string").put("format", "uri");
        }
        if (cls.isEnum()) {
            ArrayNode values = node.put("type", "string").putArray("enum");
            for (Object constant : cls.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return node;
        }
        if (cls.isArray()) {
            node.put("type", "array");
            node.set("items", schemaForClass(cls.getComponentType(), where));
            return node;
        }
        if (JsonNode.class.isAssignableFrom(cls) || cls == Object.class) {
            // an explicitly untyped part of a contract: anything JSON
            return node;
        }
        if (cls.isRecord()) {
            if (cls == root) {
                return node.put("$ref", "#");
            }
            if (!defs.containsKey(cls)) {
                defs.put(cls, NODES.createObjectNode()); // placeholder first: recursion stops here
                defs.put(cls, recordBody(cls));
            }
            return node.put("$ref", "#/$defs/" + cls.getSimpleName());
        }
        throw new ContractDefinitionException(where, "type " + cls.getName()
                + " has no JSON Schema mapping; use a record, a collection, a map or a scalar");
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static String propertyName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null && component.getAccessor() != null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        return component.getName();
    }

    private static boolean hasNullable(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
