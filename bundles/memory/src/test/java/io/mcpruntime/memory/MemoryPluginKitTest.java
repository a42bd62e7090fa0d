package io.mcpruntime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpruntime.testing.McpKit;
import io.mcpruntime.testing.McpTestClient;
import io.mcpruntime.testing.PluginJar;
import io.mcpruntime.testing.ToolResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plugin in a real kernel (Felix, SCR, Lucene's SPI inside the bundle), built from target/classes. */
class MemoryPluginKitTest {
    private final Path dataDir = tempDir();
    private final McpKit kit = McpKit.builder()
            .configuration(MemoryStore.PID, Map.of("dataDir", dataDir.toString(), "maxEntryChars", "2000"))
            .plugin(PluginJar.fromClasses())
            .build().start();
    private final McpTestClient client = kit.client();

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    @Test
    void storesSearchesUpdatesAndForgets() {
        String cluster = store("The staging cluster runs Kubernetes 1.29 on three nodes", "infra", "staging");
        store("Alice prefers short answers without tables", "preference");
        store("Kubernetes upgrades happen on the first Monday of the month", "infra", "process");

        Map<?, ?> page = structured(client.callTool("memory_search", Map.of("query", "kubernetes nodes"))
                .assertSuccess());
        List<?> hits = (List<?>) page.get("hits");
        assertEquals(2, hits.size(), page.toString());
        Map<?, ?> best = (Map<?, ?>) hits.get(0);
        assertEquals(cluster, best.get("id"), "the entry matching both words ranks first");
        assertTrue(best.get("snippet").toString().contains("**Kubernetes**"), best.toString());

        Map<?, ?> filtered = structured(client.callTool("memory_search",
                Map.of("query", "kubernetes", "tags", List.of("PROCESS"), "limit", 1)).assertSuccess());
        assertEquals(1, ((List<?>) filtered.get("hits")).size());
        assertEquals(1L, ((Number) filtered.get("total")).longValue(), "tags filter case-insensitively");

        Map<?, ?> firstPage = structured(client.callTool("memory_search", Map.of("limit", 2)).assertSuccess());
        assertEquals(2, ((Number) firstPage.get("nextOffset")).intValue(), "three entries, a page of two");

        client.callTool("memory_update", Map.of("id", cluster, "tags", List.of("infra", "k8s"), "importance", 5))
                .assertSuccess();
        client.callTool("memory_get", Map.of("id", cluster)).assertSuccess()
                .assertTextContains("\"tags\":[\"infra\",\"k8s\"]").assertTextContains("\"importance\":5");
        client.callTool("memory_list_tags").assertSuccess()
                .assertTextContains("{\"tag\":\"infra\",\"entries\":2}").assertTextContains("\"tag\":\"k8s\"")
                .assertTextContains("\"distinct\":4");
        client.callTool("memory_search", Map.of("minImportance", 5)).assertSuccess()
                .assertTextContains("\"total\":1");

        client.callTool("memory_delete", Map.of("id", cluster)).assertSuccess().assertTextContains("deleted");
        client.callTool("memory_get", Map.of("id", cluster)).assertError()
                .assertTextContains("No memory entry with id '" + cluster + "'");
        client.callTool("memory_stats").assertSuccess().assertTextContains("\"entries\":2");
    }

    @Test
    void refusesBadInputWithClearErrors() {
        client.callTool("memory_store", Map.of("text", "   ")).assertError().assertTextContains("text is empty");
        client.callTool("memory_store", Map.of("text", "x".repeat(2001))).assertError()
                .assertTextContains("2001 characters, more than the limit of 2000 (maxEntryChars");
        client.callTool("memory_store", Map.of("text", "fine", "tags", List.of(" "))).assertError()
                .assertTextContains("tags must not be empty");
        client.callTool("memory_update", Map.of("id", "nope", "text", "new")).assertError()
                .assertTextContains("No memory entry with id 'nope'");
        for (String query : List.of("title:(unclosed", "AND", "*leading")) {
            ToolResponse refused = client.callTool("memory_search", Map.of("query", query)).assertError()
                    .assertTextContains("The query is not valid search syntax");
            assertFalse(refused.text().contains("Exception") || refused.text().contains("org.apache"),
                    refused.text());
        }
        client.callTool("memory_stats").assertSuccess().assertTextContains("\"entries\":0");
    }

    @Test
    void keepsEveryWriteOfConcurrentWriters() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            ids.add(writers.submit(() -> store("concurrent note number " + n, "load")));
        }
        writers.shutdown();
        for (Future<String> id : ids) {
            client.callTool("memory_get", Map.of("id", id.get())).assertSuccess();
        }
        client.callTool("memory_search", Map.of("query", "concurrent", "tags", List.of("load"))).assertSuccess()
                .assertTextContains("\"total\":80");
    }

    @Test
    void keepsItsEntriesWhenTheJarIsReplaced() throws IOException {
        String id = store("Decided to keep the index in the data folder", "decision");
        kit.deploy(PluginJar.fromClasses());
        try (var jars = Files.list(kit.pluginsFolder())) {
            assertEquals(1, jars.filter(f -> f.toString().endsWith(".jar")).count(), "the jar was replaced");
        }
        client.callTool("memory_get", Map.of("id", id)).assertSuccess().assertTextContains("data folder");
        store("The new version could open the index, so the old one released its lock", "decision");
        client.callTool("memory_stats").assertSuccess().assertTextContains("\"entries\":2");
    }

    /**
     * The index opens off the activation thread, so a folder it cannot open no longer keeps the tools from being
     * served: they answer with a clear error (no path, no stack trace) until the folder is fixed.
     */
    @Test
    void anIndexItCannotOpenFailsItsCallsClearlyUntilTheFolderIsFixed() throws IOException {
        Path notAFolder = Files.writeString(dataDir.resolve("not-a-folder"), "a file where the index should be");
        kit.configure(MemoryStore.PID, Map.of("dataDir", notAFolder.toString()));
        client.callTool("memory_store", Map.of("text", "kept?")).assertError()
                .assertText("The memory index could not be opened; see the server log");
        client.callTool("memory_stats").assertError().assertTextContains("could not be opened");

        kit.configure(MemoryStore.PID, Map.of("dataDir", dataDir.resolve("fixed").toString()));
        store("Stored once the folder was fixed", "ops");
        client.callTool("memory_stats").assertSuccess().assertTextContains("\"entries\":1");
    }

    @Test
    void servesEntriesAsResourcesAndAPromptToRecall() {
        String id = store("Backups run nightly at 02:00 UTC", "ops");
        assertTrue(client.readResource("memory://entries/" + id).text().contains("Backups run nightly"));
        assertTrue(client.readResource("memory://recent").text().contains("- id: " + id));
        assertTrue(client.getPrompt("memory_recall", Map.of("question", "When do backups run?")).text()
                .contains("memory_search"));
    }

    @Test
    void reindexReportsProgressAndKeepsEntries() {
        store("one", "a");
        store("two", "b");
        client.callTool("memory_reindex").assertSuccess()
                .assertStructuredContent("{\"entries\":2,\"total\":2,\"complete\":true}");
        assertEquals("re-indexed 2 of 2 entries", client.notifications().awaitProgress(1).get(0).message());
        client.callTool("memory_search", Map.of("query", "two")).assertSuccess().assertTextContains("\"total\":1");
    }

    private String store(String text, String... tags) {
        Map<?, ?> stored = structured(client.callTool("memory_store", Map.of("text", text, "tags", List.of(tags)))
                .assertSuccess());
        return (String) stored.get("id");
    }

    private static Map<?, ?> structured(ToolResponse response) {
        return (Map<?, ?>) response.structuredContent();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("memory-kit-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
