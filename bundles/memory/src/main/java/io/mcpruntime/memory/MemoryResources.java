package io.mcpruntime.memory;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Prompt;
import io.mcpruntime.api.Resource;
import io.mcpruntime.api.ResourceTemplate;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Entries as Markdown resources (one entry, {@code memory://entries/{id}}, and the newest {@value #RECENT}, {@code
 * memory://recent}) and the {@code recall} prompt, which has the model search its memory before it answers.
 */
@Component
public class MemoryResources implements McpPlugin {
    static final int RECENT = 20;

    @Reference
    private MemoryStore store;

    @ResourceTemplate(uriTemplate = "memory://entries/{id}", description = "One memory entry", mimeType = "text/markdown")
    public String entry(String id) {
        return markdown(store.get(id));
    }

    @Resource(uri = "memory://recent", description = "The " + RECENT + " most recently stored or changed memory "
            + "entries", mimeType = "text/markdown")
    public String recent() {
        List<Entry> recent = store.recent(RECENT);
        if (recent.isEmpty()) {
            return "# Recent memory\n\nNothing stored yet.\n";
        }
        StringBuilder text = new StringBuilder("# Recent memory\n");
        recent.forEach(entry -> text.append('\n').append(markdown(entry)));
        return text.toString();
    }

    @Prompt(description = "Answer a question after recalling what the memory holds about it")
    public String recall(@Param(description = "The question or task") String question) {
        return "Before you answer, recall what you already know. Search the memory with memory_search for the key "
                + "terms of the question (try a second search with other words or a tag filter if the first finds "
                + "little), and read the full entries that matter with memory_get. Base the answer on those entries "
                + "and say which ones you used (their titles or ids); say so plainly when the memory holds nothing "
                + "relevant. If you learn something worth keeping while answering, store it with memory_store.\n\n"
                + "The question: " + question;
    }

    static String markdown(Entry entry) {
        StringBuilder text = new StringBuilder("## ").append(entry.title() != null ? entry.title() : entry.id())
                .append("\n\n").append(entry.text()).append("\n\n")
                .append("- id: ").append(entry.id()).append('\n')
                .append("- tags: ").append(entry.tags().isEmpty() ? "(none)" : String.join(", ", entry.tags()))
                .append('\n')
                .append("- importance: ").append(entry.importance()).append('\n');
        if (entry.source() != null) {
            text.append("- source: ").append(entry.source()).append('\n');
        }
        return text.append("- stored: ").append(entry.created()).append(", updated: ").append(entry.updated())
                .append('\n').toString();
    }
}
