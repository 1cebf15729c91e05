package org.careclock.api;

import org.careclock.base.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reader of request bodies: every value is read at a path ({@code settings.limits.max_duration_seconds})
 * that names it in the error when its type is wrong, and fields CareClock does not know are
 * refused instead of being ignored, so nothing a client sends is silently dropped.
 */
final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String path;
    private final JsonNode node;

    private JsonBody(String path, JsonNode node) {
        this.path = path;
        this.node = node;
    }

    /** The body as a JSON object; an empty body reads as {@code {}}. */
    static JsonBody parse(byte[] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new JsonBody("", JSON.createObjectNode());
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "The request body must be a JSON object");
        }
        return new JsonBody("", root);
    }

    String path() {
        return path;
    }

    /** Refuses any field but {@code allowed}. */
    JsonBody only(Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                String field = child(name);
                throw new InvalidInputException(field, field + " is not a field CareClock accepts here"
                        + (allowed.isEmpty() ? "" : " (it accepts " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
        return this;
    }

    /** The field's value, absent when missing or null. */
    Optional<JsonBody> field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new JsonBody(child(name), value));
    }

    JsonBody required(String name) {
        return field(name).orElseThrow(() -> new InvalidInputException(child(name), child(name) + " is required"));
    }

    JsonBody object() {
        if (!node.isObject()) {
            throw wrongType("an object");
        }
        return this;
    }

    /** The members of an object, in order, each at its own path. */
    Map<String, JsonBody> entries() {
        object();
        Map<String, JsonBody> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), new JsonBody(child(e.getKey()), e.getValue()));
        }
        return out;
    }

    List<JsonBody> array() {
        if (!node.isArray()) {
            throw wrongType("an array");
        }
        List<JsonBody> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node.values()) {
            out.add(new JsonBody(path + "[" + i++ + "]", item));
        }
        return out;
    }

    String string() {
        if (!node.isString()) {
            throw wrongType("a string");
        }
        return node.stringValue();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw wrongType("true or false");
        }
        return node.booleanValue();
    }

    int integer() {
        if (!node.isIntegralNumber()) {
            throw wrongType("a whole number");
        }
        if (!node.canConvertToInt()) {
            throw new InvalidInputException(path, path + " is out of range: " + node);
        }
        return node.intValue();
    }

    List<Integer> integers() {
        return array().stream().map(JsonBody::integer).toList();
    }

    Instant instant() {
        String text = string();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, path + " must be an ISO-8601 date-time with an offset, "
                    + "such as 2026-03-02T09:00:00Z; was " + text);
        }
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private InvalidInputException wrongType(String expected) {
        String field = path.isEmpty() ? "body" : path;
        return new InvalidInputException(field, field + " must be " + expected + ", was " + describe(node));
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
