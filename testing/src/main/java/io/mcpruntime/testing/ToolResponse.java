package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Comparator;

/**
 * The result of a {@code tools/call}, with assertions that return this response so they chain:
 * {@code client.callTool("hello_greet", Map.of("name", "Ann")).assertSuccess().assertText("Hello, Ann!")}.
 */
public final class ToolResponse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final McpSchema.CallToolResult result;

    ToolResponse(McpSchema.CallToolResult result) {
        this.result = result;
    }

    /** The text contents, joined by new lines (what most tools return). */
    public String text() {
        return TextContents.join(result.content());
    }

    /** Whether the tool reported failure ({@code isError: true}): a {@code ToolException}, a bad argument. */
    public boolean isError() {
        return Boolean.TRUE.equals(result.isError());
    }

    /** The {@code structuredContent} as plain Java: maps, lists, strings, numbers, booleans; null if none. */
    public Object structuredContent() {
        return result.structuredContent();
    }

    /** The SDK's result, for content types the helpers do not cover (images, audio, links, embedded resources). */
    public McpSchema.CallToolResult sdkResult() {
        return result;
    }

    public ToolResponse assertSuccess() {
        assertFalse(isError(), () -> "Expected success, the tool failed: " + text());
        return this;
    }

    public ToolResponse assertError() {
        assertTrue(isError(), () -> "Expected an error result, got: " + text());
        return this;
    }

    public ToolResponse assertText(String expected) {
        assertEquals(expected, text(), () -> "text of the tool result" + (isError() ? " (an error result)" : ""));
        return this;
    }

    public ToolResponse assertTextContains(String expected) {
        assertTrue(text().contains(expected), () -> "Expected the tool result to contain \"" + expected
                + "\", got: " + text());
        return this;
    }

    /**
     * Compares the structured content with JSON text as JSON values: key order and spacing do not matter, and
     * numbers compare by value ({@code 2} equals {@code 2.0}).
     */
    public ToolResponse assertStructuredContent(String expectedJson) {
        JsonNode expected;
        try {
            expected = JSON.readTree(expectedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + expectedJson, e);
        }
        JsonNode actual = JSON.valueToTree(result.structuredContent());
        if (!expected.equals(NUMBERS_BY_VALUE, actual)) {
            assertEquals(expected, actual, "structured content of the tool result");
        }
        return this;
    }

    @Override
    public String toString() {
        return result.toString();
    }
}
