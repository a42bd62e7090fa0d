package io.mcpruntime.runtime.framework;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends the framework's own log lines to SLF4J instead of stdout (which the stdio transport owns). */
final class FelixLogBridge extends Logger {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : bundle.getSymbolicName() + ": " + msg;
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            case LOG_INFO -> LOG.info(text, throwable);
            default -> LOG.debug(text, throwable);
        }
    }
}
