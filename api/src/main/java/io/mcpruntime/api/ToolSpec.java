package io.mcpruntime.api;

import java.util.List;
import java.util.Objects;

/**
 * Name, description, hints and JSON schemas of an {@link McpTool}. Build with {@link #builder(String)}.
 *
 * @param name the tool name within the plugin's namespace
 * @param inputSchema JSON Schema text for the arguments (an object schema)
 * @param outputSchema JSON Schema text for {@code structuredContent}, or {@code null}
 * @param timeoutSeconds the call's deadline, 0 for the runtime's default (see {@link Tool#timeoutSeconds()})
 * @param taskSupport whether clients may run the tool as a task (see {@link Tool#taskSupport()}); since 1.2
 */
public record ToolSpec(String name, String title, String description, String inputSchema, String outputSchema,
        List<String> tags, boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld,
        long timeoutSeconds, TaskSupport taskSupport) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputSchema, "inputSchema");
        tags = List.copyOf(tags);
        taskSupport = Objects.requireNonNullElse(taskSupport, TaskSupport.FORBIDDEN);
    }

    /** The constructor of API 1.1, without task support: kept so that plugins built against it still link. */
    public ToolSpec(String name, String title, String description, String inputSchema, String outputSchema,
            List<String> tags, boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld,
            long timeoutSeconds) {
        this(name, title, description, inputSchema, outputSchema, tags, readOnly, destructive, idempotent,
                openWorld, timeoutSeconds, TaskSupport.FORBIDDEN);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects a {@link ToolSpec}; the input schema defaults to an object with no properties. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private String inputSchema = "{\"type\":\"object\",\"properties\":{}}";
        private String outputSchema;
        private List<String> tags = List.of();
        private boolean readOnly;
        private boolean destructive = true;
        private boolean idempotent;
        private boolean openWorld = true;
        private long timeoutSeconds;
        private TaskSupport taskSupport = TaskSupport.FORBIDDEN;

        private Builder(String name) {
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder inputSchema(String json) {
            this.inputSchema = json;
            return this;
        }

        public Builder outputSchema(String json) {
            this.outputSchema = json;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        /** Marks the tool read-only (and so not destructive). */
        public Builder readOnly() {
            this.readOnly = true;
            this.destructive = false;
            return this;
        }

        public Builder destructive(boolean destructive) {
            this.destructive = destructive;
            return this;
        }

        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public Builder openWorld(boolean openWorld) {
            this.openWorld = openWorld;
            return this;
        }

        public Builder timeoutSeconds(long timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        /** Whether clients may run the tool as a task; {@link TaskSupport#FORBIDDEN} unless set. */
        public Builder taskSupport(TaskSupport taskSupport) {
            this.taskSupport = taskSupport;
            return this;
        }

        public ToolSpec build() {
            return new ToolSpec(name, title, description, inputSchema, outputSchema, tags, readOnly, destructive,
                    idempotent, openWorld, timeoutSeconds, taskSupport);
        }
    }
}
