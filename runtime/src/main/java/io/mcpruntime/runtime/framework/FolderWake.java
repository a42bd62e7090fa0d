package io.mcpruntime.runtime.framework;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has FileInstall scan the plugins folder as soon as a change in it has settled, instead of at its next poll (up to
 * two polls for a new jar: FileInstall takes a file only once two scans agree on its size and time). A
 * {@link WatchService} (inotify on Linux) reports the folder's changes; once none has come for {@link #SETTLED},
 * FileInstall's scanner is woken, and once more after a shorter quiet moment, so that the second scan takes the
 * file. The half-copied-file protection holds: a file still being written keeps sending events and is not scanned,
 * and FileInstall still takes it only if the two scans agree.
 *
 * <p>FileInstall has no API for this: its scanner is the thread {@code fileinstall-<folder>}, which waits on itself
 * between polls (FileInstall 3.7's {@code DirectoryWatcher}), so notifying that monitor ends the wait early. Where
 * the thread is not found or the folder cannot be watched, FileInstall's polling goes on alone.
 */
final class FolderWake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWake.class);
    /** No event for this long: the change is complete (a copy in progress writes far more often). */
    private static final Duration SETTLED = Duration.ofMillis(25);
    /**
     * Between the two scans, which must agree: a write meanwhile sends an event and the wait starts over, so this
     * only needs to outlast the first scan.
     */
    private static final Duration BETWEEN_SCANS = Duration.ofMillis(10);

    private final WatchService watch;
    private final String scannerName;
    private final Thread waker;
    private Thread scanner;

    private FolderWake(WatchService watch, Path folder) {
        this.watch = watch;
        this.scannerName = "fileinstall-" + folder;
        this.waker = new Thread(this::run, "mcp-plugin-wake");
        waker.setDaemon(true);
    }

    /** Starts watching the folder (as FileInstall names it: the absolute path it was given); null if it cannot. */
    static FolderWake start(Path folder) {
        try {
            WatchService watch = folder.getFileSystem().newWatchService();
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            FolderWake wake = new FolderWake(watch, folder);
            wake.waker.start();
            return wake;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Plugins folder {} not watched ({}); FileInstall's polling alone finds changes", folder,
                    e.toString());
            return null;
        }
    }

    private void run() {
        try {
            while (true) {
                drain(watch.take());
                settle(SETTLED);
                wakeScanner(); // this scan notes the file's size and time
                settle(BETWEEN_SCANS);
                wakeScanner(); // this one finds them unchanged and installs, updates or uninstalls
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Returns once no event has come for that long. */
    private void settle(Duration quiet) throws InterruptedException {
        WatchKey more;
        while ((more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            drain(more);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Ends the scanner's wait between polls, if it is waiting; a scan under way is not disturbed. */
    private void wakeScanner() {
        if (scanner == null || !scanner.isAlive()) { // looked up again once it has ended (FileInstall restarted)
            scanner = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals(scannerName)).findFirst().orElse(null);
        }
        if (scanner != null) {
            synchronized (scanner) {
                scanner.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        waker.interrupt();
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch of the plugins folder: {}", e.toString());
        }
    }
}
