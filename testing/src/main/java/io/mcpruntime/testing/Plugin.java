package io.mcpruntime.testing;

/**
 * A plugin jar the kit put in the plugins folder. Updating and removing it wait, like deploying, until the kernel
 * serves the change and the client, told by a list_changed, lists it.
 */
public final class Plugin {
    private final PluginChanges changes;
    private final String fileName;
    private volatile String symbolicName;

    Plugin(PluginChanges changes, String fileName) {
        this.changes = changes;
        this.fileName = fileName;
    }

    /** Replaces the jar, as copying a new release over the old file would; the new version then serves. */
    public Plugin update(PluginJar jar) {
        changes.put(this, jar);
        return this;
    }

    /** Deletes the jar; its tools, resources and prompts are gone once this returns. */
    public void remove() {
        changes.remove(this);
    }

    /** The file's name in the plugins folder. */
    public String fileName() {
        return fileName;
    }

    /** The bundle's symbolic name, read from the jar. */
    public String symbolicName() {
        return symbolicName;
    }

    void symbolicName(String name) {
        this.symbolicName = name;
    }

    @Override
    public String toString() {
        return "plugin " + fileName;
    }
}
