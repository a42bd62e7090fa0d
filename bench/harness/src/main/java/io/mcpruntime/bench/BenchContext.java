package io.mcpruntime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every suite needs: the settings, the contenders, the unpacked runtime and the plugin template.
 *
 * @param runtimeWithArchive the runtime unpacked a second time, with the archive bin/mcp-runtime-cds writes
 * @param work a scratch folder the suites make their plugins folders in
 */
public record BenchContext(BenchSettings settings, Path runtimeHome, Contender runtime, Contender runtimeWithArchive,
        Contender peer, Path pluginTemplate, Path work) {

    /** The runtime's plugins folder, left with only the example plugin (which serves {@code example_echo}). */
    public Path bundledPlugins() {
        return runtimeHome.resolve("plugins");
    }

    /** A plugins folder of the suite's own in the scratch folder, holding only the example plugin. */
    public Path examplePluginsFolder(String suite) throws IOException {
        Path plugins = Files.createDirectories(work.resolve(suite).resolve("plugins"));
        Files.copy(bundledPlugins().resolve("example.jar"), plugins.resolve("example.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        return plugins;
    }

    /** All the plugins the distribution ships (the SQL plugin too), in a folder of their own. */
    public Path shippedPlugins() {
        return runtimeHome.resolve(Distribution.SHIPPED_PLUGINS);
    }

    /** The runtime and the peer, the runtime first on even turns, so that neither always goes first. */
    public List<Contender> inTurn(int turn) {
        return rotated(List.of(runtime, peer), turn);
    }

    /** The items, starting at a different one each turn. */
    public static <T> List<T> rotated(List<T> items, int turn) {
        int first = turn % items.size();
        return Stream.concat(items.subList(first, items.size()).stream(),
                items.subList(0, first).stream()).toList();
    }
}
