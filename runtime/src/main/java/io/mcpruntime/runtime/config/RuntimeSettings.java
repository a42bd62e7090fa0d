package io.mcpruntime.runtime.config;

import io.mcpruntime.runtime.auth.OAuthSettings;
import io.mcpruntime.runtime.framework.PluginTrust;
import io.mcpruntime.runtime.registry.DuplicatePolicy;
import io.mcpruntime.runtime.registry.TagFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the kernel is configured with, already resolved from command line, environment and defaults.
 *
 * @param transport how clients reach the server
 * @param host the HTTP bind address (127.0.0.1 unless told otherwise)
 * @param port the HTTP port (0 picks a free one)
 * @param plugins the watched plugins folder
 * @param systemBundles the folder of bundles the kernel itself needs
 * @param workDir scratch space (bundle cache); null means a temporary folder removed on exit
 * @param pluginPoll how often the plugins folder is scanned
 * @param onDuplicate what happens when a plugin claims a namespace or tool name another one holds
 * @param tagFilter which tools are served, by tag
 * @param repairArguments whether stringified JSON arguments are repaired (false: strict)
 * @param routerTools whether the kernel's mcp_find_tools and mcp_call_tool are served
 * @param adminTools whether the kernel's mcp_plugins is served
 * @param clientRequestTimeout how long a request to the client (sampling, elicitation, roots) may take
 * @param allowedHosts Host header values accepted besides loopback names ({@code *}: any)
 * @param allowedOrigins Origin header values accepted besides loopback origins ({@code *}: any)
 * @param maxRequestBytes the largest request body accepted (larger ones get 413)
 * @param authToken the bearer token HTTP clients must send, or {@code null} for none
 * @param requestTimeout the deadline of a tool call that does not declare its own
 * @param maskErrorDetails whether unexpected tool failures reach clients without their message
 * @param pluginMaxConcurrent the most calls of one plugin that run at once (bulkhead)
 * @param pluginQueueTimeout how long a call waits for its plugin's bulkhead before failing
 * @param pluginDrainTimeout how long a plugin being replaced or removed may finish its running calls
 * @param swapGrace how long the features of a plugin being replaced stay listed, and a call waits for their new
 *     version (a removed plugin's go at once)
 * @param shutdownTimeout how long running calls may finish when the process is told to stop
 * @param adminPort the port of the health/metrics endpoints in stdio mode, or {@code null} for none
 * @param sessionIdleTimeout how long an HTTP session without an open stream is kept
 * @param legacySse whether the legacy SSE endpoints (/sse, /message) are served
 * @param stateless whether HTTP is served without sessions (one request, one response)
 * @param pluginTrust which plugin jars may run: any, or only those signed by a trusted certificate
 * @param nodeId this kernel's name in a cluster behind a proxy (in its session ids), or {@code null} for none
 * @param oauth how OAuth access tokens are checked ({@code auth=oauth}), or {@code null} when they are not
 * @param console whether HTTP mode serves the operator console at /console
 * @param taskMaxTtl the longest a tool call run as an MCP task is kept (a client may ask for less)
 */
public record RuntimeSettings(
        Transport transport,
        String host,
        int port,
        Path plugins,
        Path systemBundles,
        Path workDir,
        Duration pluginPoll,
        DuplicatePolicy onDuplicate,
        TagFilter tagFilter,
        boolean repairArguments,
        boolean routerTools,
        boolean adminTools,
        Duration clientRequestTimeout,
        List<String> allowedHosts,
        List<String> allowedOrigins,
        int maxRequestBytes,
        String authToken,
        Duration requestTimeout,
        boolean maskErrorDetails,
        int pluginMaxConcurrent,
        Duration pluginQueueTimeout,
        Duration pluginDrainTimeout,
        Duration swapGrace,
        Duration shutdownTimeout,
        Integer adminPort,
        Duration sessionIdleTimeout,
        boolean legacySse,
        boolean stateless,
        PluginTrust pluginTrust,
        String nodeId,
        OAuthSettings oauth,
        boolean console,
        Duration taskMaxTtl) {

    @Override
    public String toString() {
        return "RuntimeSettings[" + transport + " " + host + ":" + port + ", plugins " + plugins
                + (authToken == null ? "" : ", bearer token set") + (oauth == null ? "" : ", OAuth " + oauth.issuer())
                + "]";
    }

    public enum Transport { HTTP, STDIO }
}
