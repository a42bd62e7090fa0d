package io.mcpruntime.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpruntime.runtime.MainAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/CONFIGURATION.md and conf/runtime.properties name every setting the command line has. */
class ConfigurationDocTest {

    @Test
    void everySettingIsDocumentedWithItsFlagVariableAndProperty() throws Exception {
        String doc = Files.readString(Path.of("../docs/CONFIGURATION.md"));
        String properties = Files.readString(Path.of("../distribution/src/main/conf/runtime.properties"));
        List<String> missing = new java.util.ArrayList<>();
        for (CommandLine.Model.OptionSpec option : MainAccess.commandLine().getCommandSpec().options()) {
            String name = option.longestName();
            if (name.equals("--help") || name.equals("--version") || option.hidden()) {
                continue;
            }
            // --http and --stdio choose the transport, whose property is "transport"
            String key = name.equals("--http") || name.equals("--stdio") ? "transport" : name.replaceFirst("^-+", "");
            if (!doc.contains("`" + name) && !doc.contains("`--[no-]" + key)) {
                missing.add(name + " in CONFIGURATION.md");
            }
            if (!properties.contains("#" + key + "=") && !properties.contains(key + "=")) {
                missing.add(key + " in runtime.properties");
            }
            String variable = PropertiesDefaults.environmentVariable(option);
            if (variable != null && !doc.contains("`" + variable + "`")) {
                missing.add(variable + " in CONFIGURATION.md");
            }
        }
        assertEquals(List.of(), missing);
    }
}
