package io.mcpruntime.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.registry.DuplicatePolicy;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.PluginId;
import io.mcpruntime.runtime.registry.TagFilter;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolHints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the kernel adds to the SDK's serialized answers, and what it leaves alone. */
class TaskAdvertisementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PluginId PLUGIN = new PluginId(7, "com.acme.jobs", "1.0.0", "jobs");

    private final FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE,
            Duration.ofHours(1));
    private final TaskAdvertisement advertisement = new TaskAdvertisement(JSON, catalog);

    TaskAdvertisementTest() {
        catalog.register(List.of(tool("jobs_long", TaskSupport.REQUIRED), tool("jobs_plain", TaskSupport.FORBIDDEN)));
    }

    private static ToolDefinition tool(String name, TaskSupport support) {
        return new ToolDefinition(name, null, null, Map.of("type", "object"), null, Set.of(), ToolHints.DEFAULT,
                null, (arguments, context) -> ToolResult.text("ran"), PLUGIN, Set.of(), support);
    }

    @Test
    void initializeAdvertisesTasksForToolCalls() throws Exception {
        assertTrue(advertisement.amends("initialize"));
        JsonNode answer = JSON.readTree(advertisement.amend("initialize", "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"result\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}}}}"));
        assertEquals(JSON.readTree("{\"tools\":{},\"tasks\":{\"list\":{},\"cancel\":{},\"requests\":{\"tools\":"
                + "{\"call\":{}}}}}"), answer.path("result").path("capabilities"));
    }

    @Test
    void toolsListShowsTaskSupportOnlyWhereThereIsSome() throws Exception {
        JsonNode tools = JSON.readTree(advertisement.amend("tools/list", "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":"
                + "{\"tools\":[{\"name\":\"jobs_long\"},{\"name\":\"jobs_plain\"},{\"name\":\"gone_since\"}]}}"))
                .path("result").path("tools");
        assertEquals("required", tools.get(0).path("execution").path("taskSupport").asText());
        assertFalse(tools.get(1).has("execution"), "forbidden is the default: nothing to say");
        assertFalse(tools.get(2).has("execution"));
    }

    @Test
    void aListIsLeftAsItIsWhileNoToolRunsAsATask() {
        FeatureCatalog plain = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, Duration.ofHours(1));
        plain.register(List.of(tool("jobs_plain", TaskSupport.FORBIDDEN)));
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[{\"name\":\"jobs_plain\"}]}}";
        assertSame(list, new TaskAdvertisement(JSON, plain).amend("tools/list", list));
    }

    @Test
    void errorsAndOtherAnswersAreLeftAlone() {
        String error = "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,\"message\":\"no\"}}";
        assertEquals(error, advertisement.amend("tools/list", error));
        assertEquals("not json", advertisement.amend("initialize", "not json"));
        assertFalse(advertisement.amends("tools/call"));
    }
}
