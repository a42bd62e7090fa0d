package io.mcpruntime.testing;

import io.mcpruntime.runtime.registry.AuditTrail;
import java.util.List;

/**
 * The kernel's audit trail read as "which plugin services were taken in since a moment": one {@code registered}
 * entry per service, recorded after the catalog and the MCP servers have it.
 */
final class PluginRegistrations {
    private final AuditTrail audit;

    PluginRegistrations(AuditTrail audit) {
        this.audit = audit;
    }

    /** The newest entry now (null if none): later entries are newer than it. */
    AuditTrail.Entry mark() {
        List<AuditTrail.Entry> latest = audit.latest(1);
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** Waits until at least {@code services} services of the plugin were registered after the mark. */
    void await(AuditTrail.Entry mark, String symbolicName, int services, String what) {
        Poll.until(() -> registeredSince(mark, symbolicName), count -> count >= services,
                () -> what + " to register its " + services + " plugin service(s) (registered: "
                        + registeredSince(mark, symbolicName) + "; a component may lack its configuration or a "
                        + "reference, the kernel's log says)");
    }

    private long registeredSince(AuditTrail.Entry mark, String symbolicName) {
        return audit.latest(Integer.MAX_VALUE).stream()
                .takeWhile(entry -> entry != mark)
                .filter(entry -> entry.action().equals("registered") && entry.plugin().equals(symbolicName))
                .count();
    }
}
