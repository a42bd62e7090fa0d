package io.mcpruntime.it;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** Hot deploy against the distribution started as a process, over Streamable HTTP. */
class HotDeployHttpIT extends HotDeployContract {
    private RuntimeProcess runtime;

    @Override
    McpSyncClient connect(Path plugins, ListChangedRecorder changes) throws Exception {
        runtime = RuntimeProcess.startHttp(plugins);
        return Clients.sync(Clients.http(runtime.endpoint()), changes);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (runtime != null) {
            runtime.close();
        }
    }
}
