package io.mcpruntime.runtime.registry;

import java.time.Duration;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard: follows every plugin service of one type and keeps what it contributes registered for exactly
 * as long as the service is (after letting its running calls finish). Subclasses say what a service contributes
 * and return how to take it back.
 */
abstract class WhiteboardTracker<S> extends ServiceTracker<S, AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardTracker.class);

    private final PluginGates gates;
    private final Duration drainTimeout;

    WhiteboardTracker(BundleContext context, Class<S> type, PluginGates gates, Duration drainTimeout) {
        super(context, type, null);
        this.gates = gates;
        this.drainTimeout = drainTimeout;
    }

    /** Registers what the service contributes; the result undoes it. */
    abstract AutoCloseable contribute(S service, PluginId owner);

    @Override
    public AutoCloseable addingService(ServiceReference<S> reference) {
        S service = context.getService(reference);
        if (service == null) {
            return null; // the component failed to activate; SCR has logged why
        }
        Bundle bundle = reference.getBundle();
        PluginId owner = new PluginId(bundle.getBundleId(), bundle.getSymbolicName(),
                bundle.getVersion().toString(), NamespaceResolver.resolve(service.getClass(), bundle));
        try {
            return contribute(service, owner);
        } catch (RuntimeException e) {
            LOG.error("Plugin {}: {} could not be registered: {}", owner, service.getClass().getName(), e.toString());
            context.ungetService(reference);
            return null;
        }
    }

    /**
     * Runs while the service is being unregistered, before its component is deactivated: the plugin's running calls
     * finish first (bounded), then its features go.
     */
    @Override
    public void removedService(ServiceReference<S> reference, AutoCloseable contribution) {
        try {
            if (!gates.awaitIdle(reference.getBundle().getBundleId(), drainTimeout)) {
                LOG.warn("Plugin {} still had calls running after {} s; removing it anyway",
                        reference.getBundle().getSymbolicName(), drainTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            contribution.close();
        } catch (Exception e) {
            LOG.error("Removing the contribution of {} failed", reference, e);
        }
        context.ungetService(reference);
    }
}
