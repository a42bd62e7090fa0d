package io.mcpruntime.runtime.registry;

import java.util.List;

/** Told about every change of the served features, one batch per plugin arrival or departure. */
@FunctionalInterface
public interface CatalogListener {

    /**
     * @param added features that became served (a replaced feature appears in both lists)
     * @param removed features no longer served
     */
    void featuresChanged(List<Feature> added, List<Feature> removed);
}
