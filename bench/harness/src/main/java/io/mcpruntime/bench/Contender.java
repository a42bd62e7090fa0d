package io.mcpruntime.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the two servers compared: how to launch it over HTTP or stdio, and the name of its echo tool.
 *
 * @param launch the command without transport arguments
 * @param httpArgs what makes it serve HTTP on a free port
 */
public record Contender(String name, String echoTool, List<String> launch, List<String> httpArgs) {

    /**
     * The runtime from an unpacked distribution, with the launcher's own JVM flags; it never writes a class data
     * sharing archive by itself (a training run in the background would disturb the measurements).
     */
    public static Contender runtime(String name, Path home) {
        return new Contender(name, "example_echo", List.of("env", "MCP_CDS=off", "sh",
                home.resolve("bin/mcp-runtime").toString()), List.of("--port", "0"));
    }

    /** The plain SDK server, on the harness's class path, with the JVM's default flags. */
    public static Contender peer() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new Contender("peer", "echo", List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.mcpruntime.bench.peer.PeerServer"), List.of());
    }

    public List<String> http(String... extra) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(httpArgs);
        command.addAll(List.of(extra));
        return command;
    }

    public List<String> stdio(String... extra) {
        List<String> command = new ArrayList<>(launch);
        command.add("--stdio");
        command.addAll(List.of(extra));
        return command;
    }
}
