package com.example.hello;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import org.osgi.service.component.annotations.Component;

@Component
public class HelloTools implements McpPlugin {

    @Tool(description = "Greets someone by name.")
    public String greet(@Param(description = "Who to greet") String name) {
        return "Hello, " + name + "!";
    }
}
