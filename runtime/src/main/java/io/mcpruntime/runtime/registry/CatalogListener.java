package io.mcpruntime.runtime.registry;

import java.util.List;

/** Told about every change of the tool set, one batch per plugin arrival or departure. */
@FunctionalInterface
public interface CatalogListener {

    /**
     * @param added tools that became available (a replaced tool appears in both lists)
     * @param removed names of tools that went away
     */
    void toolsChanged(List<ToolDefinition> added, List<String> removed);
}
