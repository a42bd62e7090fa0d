package io.mcpruntime.runtime.transport;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Jetty 12 as every HTTP endpoint of the runtime uses it: bound to one address, Host/Origin guarded,
 * errors rendered as JSON-RPC without details, no server version advertised, operations endpoints mounted.
 */
final class JettyHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JettyHost.class);
    private final Server jetty;
    private final ServerConnector connector;
    private final ServletContextHandler context = new ServletContextHandler();

    JettyHost(String host, int port, Access access, Map<String, OpsEndpoint> ops) {
        QueuedThreadPool threads = new QueuedThreadPool(256, 8, 10_000); // idle threads go after 10 s,
        threads.setMaxEvictCount(256); // all of them, not one per period (Jetty's default)
        threads.setName("mcp-http");
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        addFilter(new HeaderGuardFilter(withBindHost(access.hosts(), host), access.origins()), "/*");
        ops.forEach((path, endpoint) -> context.addServlet(new ServletHolder(new OpsServlet(endpoint)), path));
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
        context.setErrorHandler(new JsonErrorHandler());
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(context);
        jetty.setStopTimeout(2_000);
    }

    /**
     * Answers 404 for every path nothing is mounted on, whatever the method (Jetty's fallback answers only GET with
     * 404, other methods with 405, as if the path existed).
     */
    private static final class NotFoundServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** A server bound to a specific non-loopback address is reached under that name too. */
    private static List<String> withBindHost(List<String> hosts, String bindHost) {
        boolean wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.isEmpty();
        return wildcard ? hosts : Stream.concat(hosts.stream(), Stream.of(bindHost)).toList();
    }

    void addFilter(jakarta.servlet.Filter filter, String path) {
        context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
    }

    ServletContextHandler context() {
        return context;
    }

    void start() throws Exception {
        jetty.start();
    }

    /** The URL of a path, with the port actually bound (useful with port 0). */
    URI uri(String path) {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + path);
    }

    /** Stops; streams still open after the stop timeout are cut (the kernel has drained its calls by then). */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } catch (TimeoutException e) {
            LOG.debug("Open HTTP streams were cut after {} ms", jetty.getStopTimeout());
        }
    }
}
