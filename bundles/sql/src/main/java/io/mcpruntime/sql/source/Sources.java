package io.mcpruntime.sql.source;

import io.mcpruntime.api.ToolException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database sources that exist right now: one per configuration file, one from the environment, and the demo
 * database while there is no other. Tells a listener whenever the set of read-write sources changes (the write tool
 * follows it). Sources that could not be read are kept as problems, for the health report and the source list.
 */
@Component(service = Sources.class, immediate = true)
public class Sources {
    /** The factory PID of source configuration files: {@code io.mcpruntime.sql.source-<name>.cfg}. */
    public static final String FACTORY_PID = "io.mcpruntime.sql.source";
    static final String ENVIRONMENT_NAME_KEY = "MCP_SQL_NAME";
    private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

    private final Map<String, String> environment = System.getenv();
    private final Map<String, Source> sources = new TreeMap<>();
    private final Map<String, String> problems = new TreeMap<>();
    private HealthMonitor monitor;
    private Consumer<List<String>> writableListener;
    private List<String> writable = List.of();
    private Source demo;

    @Activate
    synchronized void activate() {
        monitor = new HealthMonitor();
        if (environment.containsKey(SourceSettings.environmentName("url"))) {
            String name = environment.getOrDefault(ENVIRONMENT_NAME_KEY, "default");
            add(name, () -> SourceSettings.read(name, key -> environment.get(SourceSettings.environmentName(key)),
                    environment));
        }
        refresh();
    }

    @Deactivate
    synchronized void deactivate() {
        sources.values().forEach(this::close);
        sources.clear();
        closeDemo();
        monitor.close();
    }

    /**
     * Sets the one listener told the names of the read-write sources now and whenever they change (called with this
     * object's lock held); {@code null} removes it.
     */
    public synchronized void onWritableChange(Consumer<List<String>> listener) {
        writableListener = listener;
        if (listener != null) {
            listener.accept(writable);
        }
    }

    /** Adds or replaces a source from settings that may fail to read; returns it, or null when they did. */
    synchronized Source add(String name, Supplier<SourceSettings> settings) {
        Source source;
        try {
            source = new Source(settings.get(), () -> { }, () -> { });
        } catch (IllegalArgumentException e) {
            LOG.error("SQL source '{}' is not usable: {}", name, e.getMessage());
            problems.put(name, e.getMessage());
            refresh();
            return null;
        }
        problems.remove(name);
        Source previous = sources.put(name, source);
        if (previous != null) {
            close(previous);
        }
        monitor.watch(source);
        LOG.info("SQL source '{}' ({}, {})", name, source.dialect().product(),
                source.settings().readOnly() ? "read-only" : "read-write");
        refresh();
        return source;
    }

    /** Removes the source, if it is still this one (a newer file of the same name may have replaced it). */
    synchronized void remove(String name, Source source) {
        if (source == null) {
            problems.remove(name);
        } else if (sources.remove(name, source)) {
            close(source);
        }
        refresh();
    }

    /** The source a call names, or the only one (or the one named "default") when it names none. */
    public synchronized Source resolve(String name) {
        List<Source> all = all();
        if (name == null || name.isBlank()) {
            if (all.size() == 1) {
                return all.get(0);
            }
            Source fallback = sources.get("default");
            if (fallback != null) {
                return fallback;
            }
            throw new ToolException("Several sources exist; name one of " + names(all));
        }
        return all.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new ToolException("No source named '" + name + "'"
                        + (problems.containsKey(name) ? " is usable: " + problems.get(name) : "; the sources are "
                        + names(all))));
    }

    /** Every source, sorted by name; the demo when it is the only one. */
    public synchronized List<Source> all() {
        List<Source> all = new ArrayList<>(sources.values());
        if (demo != null) {
            all.add(demo);
        }
        all.sort(Comparator.comparing(Source::name));
        return all;
    }

    /** The names of the sources that start with what a user typed so far (completions). */
    public List<String> namesStartingWith(String typed) {
        String prefix = typed == null ? "" : typed;
        return all().stream().map(Source::name).filter(name -> name.startsWith(prefix)).toList();
    }

    /** Source name → why its settings are not usable. */
    public synchronized Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    private static List<String> names(List<Source> sources) {
        return sources.stream().map(Source::name).toList();
    }

    private void refresh() {
        if (sources.isEmpty() && demo == null) {
            DemoDatabase database = new DemoDatabase();
            demo = new Source(database.settings(environment), database::create, database::drop);
            monitor.watch(demo);
        } else if (!sources.isEmpty()) {
            closeDemo();
        }
        List<String> names = sources.values().stream().filter(s -> !s.settings().readOnly()).map(Source::name)
                .toList();
        if (!names.equals(writable)) {
            writable = names;
            if (writableListener != null) {
                writableListener.accept(names);
            }
        }
    }

    private void closeDemo() {
        if (demo != null) {
            close(demo);
            demo = null;
        }
    }

    private void close(Source source) {
        monitor.forget(source);
        source.close();
    }
}
