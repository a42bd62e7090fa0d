package io.mcpruntime.sql.source;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * One source per configuration file in the plugins folder ({@code io.mcpruntime.sql.source-sales.cfg} is the
 * source {@code sales}, unless the file says {@code name=…}). Editing the file re-activates this component, which
 * replaces the source and so re-creates its pool; deleting the file removes the source.
 */
@Component(configurationPid = Sources.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredSource {
    private static final Pattern FILE_NAME =
            Pattern.compile(Pattern.quote(Sources.FACTORY_PID) + "-([^/\\\\]+)\\.cfg$");

    @Reference
    private Sources sources;
    private String name;
    private Source source;

    @Activate
    void activate(Map<String, Object> properties) {
        name = nameOf(properties);
        source = sources.add(name, () -> SourceSettings.read(name, key -> text(properties.get(key)), System.getenv()));
    }

    @Deactivate
    void deactivate() {
        sources.remove(name, source);
    }

    static String nameOf(Map<String, Object> properties) {
        String explicit = text(properties.get("name"));
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        Matcher file = FILE_NAME.matcher(String.valueOf(properties.get("felix.fileinstall.filename")));
        return file.find() ? file.group(1) : String.valueOf(properties.get("service.pid"));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
