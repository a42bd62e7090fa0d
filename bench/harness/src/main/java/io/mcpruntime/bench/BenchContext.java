package io.mcpruntime.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What every suite needs: the settings, the two contenders, the unpacked runtime and the plugin template.
 *
 * @param work a scratch folder the suites make their plugins folders in
 */
public record BenchContext(BenchSettings settings, Path runtimeHome, Contender runtime, Contender peer,
        Path pluginTemplate, Path work) {

    /** The runtime's bundled plugins folder (the example plugin, which serves {@code example_echo}). */
    public Path bundledPlugins() {
        return runtimeHome.resolve("plugins");
    }

    /** Both contenders, the runtime first on even turns and the peer first on odd ones, so neither always goes first. */
    public List<Contender> inTurn(int turn) {
        return turn % 2 == 0 ? List.of(runtime, peer) : List.of(peer, runtime);
    }
}
