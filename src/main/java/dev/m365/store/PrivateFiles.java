package dev.m365.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

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
