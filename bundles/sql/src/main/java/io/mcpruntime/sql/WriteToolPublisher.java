package io.mcpruntime.sql;

import io.mcpruntime.sql.source.Sources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Tells the sources how to make {@link WriteTool}, which they register while a read-write source exists. */
@Component
public class WriteToolPublisher {
    @Reference
    private Sources sources;

    @Activate
    void activate() {
        sources.onWritableChange(writable -> new WriteTool(sources, writable));
    }

    @Deactivate
    void deactivate() {
        sources.onWritableChange(null);
    }
}
