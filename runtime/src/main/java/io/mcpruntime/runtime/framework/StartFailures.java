package io.mcpruntime.runtime.framework;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * What FileInstall says through java.util.logging, taken in before it reaches the log: a bundle whose activator
 * threw is remembered with the exception's message (the OSGi framework reports it to nobody else), and every other
 * warning goes to the log as one line, without FileInstall's stack trace.
 */
final class StartFailures extends Handler {
    /** FileInstall's logger name and the message it logs when {@code Bundle.start()} throws. */
    private static final String FILEINSTALL_LOGGER = "fileinstall";
    private static final String START_ERROR = "Error while starting bundle: ";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FILEINSTALL_LOGGER);

    private final Logger fileInstallLog = Logger.getLogger(FILEINSTALL_LOGGER); // held: JUL keeps loggers weakly
    private final Map<String, String> byLocation = new ConcurrentHashMap<>();

    static StartFailures install() {
        StartFailures failures = new StartFailures();
        failures.fileInstallLog.setUseParentHandlers(false);
        failures.fileInstallLog.setLevel(Level.WARNING);
        failures.fileInstallLog.addHandler(failures);
        return failures;
    }

    /** Why the bundle from this location failed to start, or {@code null}. */
    String of(String location) {
        return byLocation.get(location);
    }

    /** The bundle started, changed or left: an earlier failure no longer says anything. */
    void forget(String location) {
        byLocation.remove(location);
    }

    /** {@code Bundle.start()} of the bundle from this location threw: said once, remembered until it changes. */
    void failed(String location, Throwable thrown) {
        String problem = "cannot start: its activator failed: " + rootMessage(thrown);
        if (!problem.equals(byLocation.put(location, problem))) {
            LOG.error("Plugin file {} {}", fileName(location), problem);
        }
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message != null && message.startsWith(START_ERROR)) {
            failed(message.substring(START_ERROR.length()), record.getThrown());
        } else if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}{}", message, record.getThrown() == null ? "" : ": " + rootMessage(record.getThrown()));
        }
    }

    private static Object fileName(String location) {
        try {
            return Path.of(URI.create(location)).getFileName();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root == null ? "no reason given" : String.valueOf(root.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        fileInstallLog.removeHandler(this);
    }
}
