package io.mcpruntime.testing;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.McpTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * How many plugin services a jar's Declarative Services components register on their own: each component
 * providing {@code McpPlugin} or {@code McpTool} counts once per such interface (the kernel tracks each), unless it
 * requires a configuration. Read from the component descriptors the {@code Service-Component} header names.
 */
final class PluginComponents {
    static final Set<String> PLUGIN_SERVICES = Set.of(McpPlugin.class.getName(), McpTool.class.getName());

    private PluginComponents() {
    }

    static int services(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Service-Component");
            if (header == null) {
                return 0;
            }
            int services = 0;
            for (String descriptor : header.split(",")) {
                ZipEntry entry = file.getEntry(descriptor.trim());
                if (entry != null) {
                    try (InputStream xml = file.getInputStream(entry)) {
                        services += pluginServices(xml);
                    }
                }
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pluginServices(InputStream xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList components = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "component");
            int count = 0;
            for (int c = 0; c < components.getLength(); c++) {
                Element component = (Element) components.item(c);
                if ("require".equals(component.getAttribute("configuration-policy"))) {
                    continue; // registers once configured: PluginChanges.configure waits for it then
                }
                NodeList provides = component.getElementsByTagNameNS("*", "provide");
                for (int p = 0; p < provides.getLength(); p++) {
                    if (PLUGIN_SERVICES.contains(((Element) provides.item(p)).getAttribute("interface"))) {
                        count++;
                    }
                }
            }
            return count;
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable component descriptor in a plugin jar: " + e.getMessage(), e);
        }
    }
}
