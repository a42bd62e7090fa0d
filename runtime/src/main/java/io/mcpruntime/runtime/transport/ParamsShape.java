package io.mcpruntime.runtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one method's {@code params} must look like before the SDK reads them: whether params are required, which
 * members are required, and the JSON type of every member the SDK would otherwise fail on with an exception (its
 * text naming SDK classes). Members not listed pass unchecked: the spec lets a message carry more than a server
 * knows. Every shape allows {@code _meta} with a string or integer {@code progressToken}. {@code "params": null} is
 * taken as absent.
 */
final class ParamsShape {
    /** Checks one JSON value; returns what is wrong with it, naming it by {@code path}, or null. */
    @FunctionalInterface
    interface Type {
        String problem(JsonNode value, String path);
    }

    static final Type STRING = (value, path) -> value.isTextual() ? null : path + " must be a string";
    static final Type NUMBER = (value, path) -> value.isNumber() ? null : path + " must be a number";
    static final Type OBJECT = (value, path) -> value.isObject() ? null : path + " must be an object";
    /** A request id or progress token: a string or an integer. */
    static final Type ID = (value, path) -> value.isTextual() || value.isIntegralNumber() ? null
            : path + " must be a string or an integer";
    private static final ParamsShape META = object().allow("progressToken", ID);

    private final boolean paramsRequired;
    private final Map<String, Member> members = new LinkedHashMap<>();

    private record Member(boolean required, Type type) {
    }

    private ParamsShape(boolean paramsRequired) {
        this.paramsRequired = paramsRequired;
    }

    /** A method whose params may be absent. */
    static ParamsShape optional() {
        return new ParamsShape(false);
    }

    /** A method that cannot be served without params. */
    static ParamsShape required() {
        return new ParamsShape(true);
    }

    /** The members of a nested object; {@link #asType()} makes it a member's type. */
    static ParamsShape object() {
        return new ParamsShape(false);
    }

    /** A member that must be present, of this type. */
    ParamsShape require(String name, Type type) {
        members.put(name, new Member(true, type));
        return this;
    }

    /** A member that may be absent, and is of this type when present. */
    ParamsShape allow(String name, Type type) {
        members.put(name, new Member(false, type));
        return this;
    }

    /** A string member with one of these values. */
    static Type oneOf(List<String> values) {
        Set<String> allowed = Set.copyOf(values);
        return (value, path) -> value.isTextual() && allowed.contains(value.asText()) ? null
                : path + " must be one of " + String.join(", ", values);
    }

    /** This shape as the type of a nested object member. */
    Type asType() {
        return (value, path) -> value.isObject() ? problem(value, path + ".") : path + " must be an object";
    }

    /** What is wrong with these params (null or missing when the message has none), or null if nothing is. */
    String problem(JsonNode params) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return paramsRequired ? "params are required" : null;
        }
        return params.isObject() ? problem(params, "") : "params must be an object";
    }

    private String problem(JsonNode object, String prefix) {
        for (Map.Entry<String, Member> member : members.entrySet()) {
            JsonNode value = object.get(member.getKey());
            String path = prefix + member.getKey();
            String problem = value == null || value.isNull()
                    ? member.getValue().required() ? path + " is required" : null
                    : member.getValue().type().problem(value, path);
            if (problem != null) {
                return problem;
            }
        }
        JsonNode meta = prefix.isEmpty() ? object.get("_meta") : null;
        return meta == null || meta.isNull() ? null : META.asType().problem(meta, "_meta");
    }
}
