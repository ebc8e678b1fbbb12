package dev.m365.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import dev.m365.error.StoreException;

/**
 * Owner-only files and folders (0600 / 0700) written atomically: a temp file beside the target, fsync, rename, fsync
 * of the folder. A crash at any moment leaves either the old or the new content, never a mix.
 */
public final class PrivateFiles {

    static final String TEMP_SUFFIX = ".tmp";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    public static boolean posix() {
        return POSIX;
    }

    /**
     * Refuses a folder or file others could read or write, or that belongs to another user, or (for files) a
     * symbolic link that could point the store elsewhere; the message names the fix.
     */
    public static void checkPrivate(Path path, boolean folder) {
        if (!POSIX || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!folder && Files.isSymbolicLink(path)) {
            throw new StoreException(path + " is a symbolic link; m365 does not follow links for its store files. "
                    + "Remove the link, or set M365_CONFIG_DIR to where the store should live.");
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            Optional<Integer> me = currentUid();
            Object owner = Files.getAttribute(path, "unix:uid");
            if (me.isPresent() && owner instanceof Integer uid && uid.intValue() != me.get()) {
                throw new StoreException((folder ? "The config folder " : "The store file ") + path + " belongs to uid "
                        + uid + ", not to you (uid " + me.get() + "). Fix: chown " + me.get() + " " + path
                        + ", or set M365_CONFIG_DIR to a folder of yours.");
            }
            Set<PosixFilePermission> others = EnumSet.copyOf(mode);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                throw new StoreException((folder ? "The folder " : "The store file ") + path + " has mode "
                        + PosixFilePermissions.toString(mode) + ": other users could read or change it. Fix: chmod "
                        + (folder ? "700 " + path + ", or, for a mount you cannot change (a Kubernetes emptyDir), use a "
                                + "subfolder of it: m365 creates it with mode 700." : "600 " + path));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Without POSIX ownership information the check cannot be made; the file's own mode still applies.
        }
    }

    /** This process's uid, when the platform tells it. */
    static Optional<Integer> currentUid() {
        try {
            return Optional.of((int) new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads a store file without following a symbolic link. */
    static byte[] readNoFollow(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the file is in
            }
            return buffer.array();
        }
    }

    public static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            Files.setPosixFilePermissions(dir, FOLDER); // createDirectories is subject to the umask
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Writes {@code content} to {@code target} atomically with mode 0600. */
    public static void writeAtomically(Path target, byte[] content, SecureRandom random) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(nonce(random))
                + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), fileAttributes())) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes temp files a killed process left behind; call only while holding the store lock. */
    static void removeStaleTemps(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) } : new FileAttribute<?>[0];
    }

    private static byte[] nonce(SecureRandom random) {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return b;
    }

    private static void syncFolder(Path dir) {
        if (!POSIX || dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open folders; the rename itself is still atomic.
        }
    }
}
