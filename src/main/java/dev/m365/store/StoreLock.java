package dev.m365.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import dev.m365.error.CancelledException;
import dev.m365.error.StoreException;

/**
 * The cross-process lock around store updates: an OS file lock (released by the kernel when a process dies, even by
 * {@code kill -9}) that waits up to a timeout, plus an in-process lock because the JVM does not let two threads hold
 * file locks on the same file.
 */
final class StoreLock {

    private final Path lockFile;
    private final Duration timeout;
    private final ReentrantLock threads = new ReentrantLock();

    StoreLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile;
        this.timeout = timeout;
    }

    Held acquire() {
        threads.lock();
        try {
            return new Held(waitForFileLock());
        } catch (RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    private FileLock waitForFileLock() {
        FileChannel channel;
        try {
            channel = PrivateFiles.posix()
                    ? FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot open the store lock " + lockFile + ": " + e.getMessage()
                    + ". Check that the config folder is writable and yours.");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 2;
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new StoreException("Another m365 process has held the store lock " + lockFile + " for "
                            + timeout.toSeconds() + "s. Wait for it to finish, or raise m365.store.lock-timeout.");
                }
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                pause = Math.min(pause * 2, 50);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock the store " + lockFile + ": " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new CancelledException("Interrupted while waiting for the store lock; nothing was changed.");
        }
    }

    /** Null while another process, or another store instance in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing releases the lock; nothing else to do
        }
    }

    final class Held implements AutoCloseable {
        private final FileLock lock;

        private Held(FileLock lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                closeQuietly(lock.channel());
            } finally {
                threads.unlock();
            }
        }
    }
}
