package io.mcpruntime.runtime;

import picocli.CommandLine;

/** Lets tests in other packages read the command line's options. */
public final class MainAccess {
    private MainAccess() {
    }

    public static CommandLine commandLine() {
        return Main.commandLine();
    }
}
