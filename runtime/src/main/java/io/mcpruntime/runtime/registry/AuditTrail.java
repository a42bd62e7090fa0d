package io.mcpruntime.runtime.registry;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import io.mcpruntime.runtime.framework.Signer;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of the registry, as one structured log line (logger {@code mcp.audit}) and in a bounded history the
 * kernel's mcp_audit tool reads: which plugin (version, jar, checksum) came or went, what was added, removed or
 * replaced, what was refused and under which duplicate policy, and who signed the plugin's jar (in
 * {@code plugin-trust=signed}).
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger("mcp.audit");

    private final int capacity;
    private final Function<Bundle, Signer> signers;
    private final Deque<Entry> entries = new ArrayDeque<>();
    /** One for all trackers: a plugin that registers services of several kinds has its jar hashed once. */
    private final JarFingerprint fingerprints = new JarFingerprint();

    /** @param signers who signed a plugin's jar, or {@code null} when not known */
    public AuditTrail(int capacity, Function<Bundle, Signer> signers) {
        this.capacity = capacity;
        this.signers = signers;
    }

    /** One change of the registry. */
    public record Entry(Instant at, String action, String plugin, String version, String jar, String sha256,
            Signer signer, List<String> added, List<String> removed, List<String> replaced,
            Map<String, String> refused, String policy) {
    }

    /** Records what a plugin's coming or going changed in what is served. */
    void record(String action, Bundle bundle, FeatureCatalog.Change change, Map<String, String> refused,
            DuplicatePolicy policy) {
        record(new Entry(Instant.now(), action, bundle.getSymbolicName(), bundle.getVersion().toString(),
                JarFingerprint.jar(bundle), fingerprints.sha256(bundle), signers.apply(bundle), change.added(),
                change.removed(), change.replaced(), refused, policy.name().toLowerCase(Locale.ROOT)));
    }

    private void record(Entry entry) {
        LOG.info("action={} plugin={} version={} jar={} sha256={}{} added={} removed={} replaced={} refused={} "
                + "policy={}", entry.action(), entry.plugin(), entry.version(), entry.jar(), entry.sha256(),
                signerFields(entry.signer()), entry.added(), entry.removed(), entry.replaced(),
                entry.refused().keySet(), entry.policy());
        synchronized (entries) {
            entries.addFirst(entry);
            while (entries.size() > capacity) {
                entries.removeLast();
            }
        }
    }

    /** Only a checked jar ({@code plugin-trust=signed}) has a signer to name. */
    private static String signerFields(Signer signer) {
        return signer == null ? "" : " signer=\"" + signer.subject() + "\" signerSha256=" + signer.sha256();
    }

    /** The newest entries first. */
    public List<Entry> latest(int limit) {
        synchronized (entries) {
            return entries.stream().limit(limit).toList();
        }
    }
}
