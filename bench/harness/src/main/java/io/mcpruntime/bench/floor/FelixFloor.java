package io.mcpruntime.bench.floor;

import io.mcpruntime.api.McpPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The floor of a bundle per plugin: a bare Felix with the runtime's system bundles (SCR, ConfigAdmin, FileInstall)
 * installing and starting the plugins of a folder as the runtime does, and nothing else (no MCP server, no schemas,
 * no command line, no logging). Prints {@code ready} on stdout once the given number of plugin services is
 * registered. Runs on the distribution's class path: {@code FelixFloor <system bundles> <plugins> <count>}.
 */
public final class FelixFloor {
    private FelixFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path system = Path.of(args[0]);
        Path plugins = Path.of(args[1]);
        int expected = Integer.parseInt(args[2]);
        Path cache = Files.createTempDirectory("felix-floor-");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, exports(McpPlugin.class) + "," + exports(
                org.slf4j.Logger.class));
        config.put("felix.fileinstall.dir", plugins.toAbsolutePath().toString());
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.log.level", "1");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> jars = Files.list(system)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                bundles.add(context.installBundle(jar.toUri().toString()));
            }
        }
        // FileInstall last, as the runtime starts it: its first scan runs inside its start
        bundles.sort((a, b) -> Boolean.compare(isFileInstall(a), isFileInstall(b)));
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        while (count(context) < expected) {
            Thread.sleep(1);
        }
        System.out.println("ready");
        framework.stop();
        framework.waitForStop(10_000);
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isFileInstall(Bundle bundle) {
        return "org.apache.felix.fileinstall".equals(bundle.getSymbolicName());
    }

    private static int count(BundleContext context) throws Exception {
        var references = context.getServiceReferences(McpPlugin.class.getName(), null);
        return references == null ? 0 : references.length;
    }

    /** The Export-Package header of the jar that holds the class: the host exports it to the plugins. */
    private static String exports(Class<?> type) throws IOException, URISyntaxException {
        try (JarFile jar = new JarFile(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Export-Package");
        }
    }
}
