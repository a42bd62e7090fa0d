package io.mcpruntime.runtime.registry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard: follows every plugin service of one type and keeps what it contributes registered for exactly
 * as long as the service is. Subclasses say what a service contributes and return how to take it back.
 */
abstract class WhiteboardTracker<S> extends ServiceTracker<S, AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardTracker.class);

    WhiteboardTracker(BundleContext context, Class<S> type) {
        super(context, type, null);
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

    @Override
    public void removedService(ServiceReference<S> reference, AutoCloseable contribution) {
        try {
            contribution.close();
        } catch (Exception e) {
            LOG.error("Removing the contribution of {} failed", reference, e);
        }
        context.ungetService(reference);
    }
}
