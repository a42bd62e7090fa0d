package io.mcpruntime.testing;

/** The fixture plugins of the kit's own tests, made from packages of these test sources. */
final class Fixtures {
    static final String SHOWCASE = "io.mcpruntime.testing.fixtures.showcase";
    static final String GREETER = "io.mcpruntime.testing.fixtures.greeter";
    static final String GREETER_2 = "io.mcpruntime.testing.fixtures.greeter2";
    static final String LIBRARY = "io.mcpruntime.testing.fixtures.library";
    static final String ECHOES = "io.mcpruntime.testing.fixtures.echoes";

    private Fixtures() {
    }

    static PluginJar showcase() {
        return PluginJar.fromPackages(SHOWCASE);
    }

    static PluginJar greeter() {
        return PluginJar.fromPackages(GREETER);
    }

    /** The greeter's next release: another package, deployed under the greeter's symbolic name. */
    static PluginJar greeterRelease2() {
        return PluginJar.fromPackages(GREETER_2).withHeader("Bundle-SymbolicName", GREETER)
                .withHeader("Bundle-Version", "2.0.0");
    }
}
