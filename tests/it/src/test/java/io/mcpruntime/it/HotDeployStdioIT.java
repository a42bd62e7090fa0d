package io.mcpruntime.it;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;

/** Hot deploy against the distribution spawned by the client over stdio, talking over pipes. */
class HotDeployStdioIT extends HotDeployContract {

    @Override
    McpSyncClient connect(Path plugins, ListChangedRecorder changes) throws Exception {
        return Clients.sync(Clients.stdio(plugins), changes);
    }
}
