package io.mcpruntime.runtime.registry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard: follows every plugin service of one type and keeps the features it contributes in the catalog
 * for exactly as long as the service is registered (after letting its running calls finish), recording each change
 * in the audit trail. Subclasses say what a service contributes.
 */
abstract class WhiteboardTracker<S> extends ServiceTracker<S, FeatureCatalog.Registration> {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardTracker.class);
    /** The property Declarative Services gives a component's services (its API lives inside the framework). */
    private static final String COMPONENT_NAME = "component.name";

    private final FeatureCatalog catalog;
    private final PluginGates gates;
    private final Duration drainTimeout;
    private final AuditTrail audit;

    WhiteboardTracker(BundleContext context, Class<S> type, FeatureCatalog catalog, PluginGates gates,
            Duration drainTimeout, AuditTrail audit) {
        super(context, type, null);
        this.catalog = catalog;
        this.gates = gates;
        this.drainTimeout = drainTimeout;
        this.audit = audit;
    }

    /** The features the service contributes. */
    abstract List<? extends Feature> featuresOf(S service, PluginId owner);

    @Override
    public FeatureCatalog.Registration addingService(ServiceReference<S> reference) {
        S service = context.getService(reference);
        if (service == null) {
            return null; // the component failed to activate; SCR has logged why
        }
        Bundle bundle = reference.getBundle();
        String scopes = bundle.getHeaders().get(PluginId.SCOPES_HEADER);
        PluginId owner = new PluginId(bundle.getBundleId(), bundle.getSymbolicName(),
                bundle.getVersion().toString(), NamespaceResolver.resolve(service.getClass(), bundle),
                scopes == null || scopes.isBlank() ? Set.of()
                        : Arrays.stream(scopes.trim().split("[,\\s]+")).collect(Collectors.toSet()));
        try {
            FeatureCatalog.Registration registration = catalog.register(featuresOf(service, owner));
            record("registered", bundle, registration.change(), catalog.refusedOf(registration));
            LOG.info("Plugin {} ({}): serving {}", owner, service.getClass().getSimpleName(),
                    catalog.servedOf(registration));
            return registration;
        } catch (RuntimeException e) {
            LOG.error("Plugin {}: {} could not be registered: {}", owner, service.getClass().getName(), e.toString());
            context.ungetService(reference);
            return null;
        }
    }

    /**
     * Runs while the service is being unregistered, before its component is deactivated: its features are withdrawn
     * first (a stopping plugin's all at once, with the first of its services), so new calls wait for the version
     * replacing it (or fail, if it is removed) instead of joining the drain, then the plugin's running calls finish
     * (bounded; at once when none runs). Withdrawn after the drain, a plugin under steady load would never drain:
     * every call that ends is followed by the next.
     */
    @Override
    public void removedService(ServiceReference<S> reference, FeatureCatalog.Registration registration) {
        Bundle bundle = reference.getBundle();
        FeatureCatalog.Change change = catalog.withdraw(registration, isBeingReplaced(bundle, reference),
                bundle.getState() == Bundle.STOPPING);
        try {
            if (!gates.awaitIdle(bundle.getBundleId(), drainTimeout)) {
                LOG.warn("Plugin {} still had calls running after {} s; removing it anyway",
                        bundle.getSymbolicName(), drainTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            catalog.drained(registration);
        }
        record("withdrawn", bundle, change, Map.of());
        context.ungetService(reference);
    }

    /**
     * Whether the service goes to come back. A bundle that stops to start again: an update (FileInstall's for a
     * changed jar) or a refresh stops it transiently, so it stays persistently started, while an uninstall (a deleted
     * jar) marks it stopped before its services go. In a running bundle, a Declarative Services component's service
     * goes when a configuration change re-activates the component, so it is awaited too (if its configuration was
     * deleted for good, its features leave after the swap grace); a service the plugin registered and withdraws by
     * itself is not coming back.
     */
    private static boolean isBeingReplaced(Bundle bundle, ServiceReference<?> reference) {
        if (bundle.getState() == Bundle.ACTIVE) {
            return reference.getProperty(COMPONENT_NAME) != null;
        }
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return bundle.getState() == Bundle.STOPPING && startLevel != null && startLevel.isPersistentlyStarted();
    }

    private void record(String action, Bundle bundle, FeatureCatalog.Change change, Map<String, String> refused) {
        audit.record(action, bundle, change, refused, catalog.policy());
    }
}
