package dev.m365.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Some hostile-environment tests need root (mount a tiny tmpfs, chown to another user, run m365 as another user).
 * CI runs as root and sets M365_REQUIRE_ROOT_TESTS, so there they run or fail; elsewhere they are skipped.
 */
public final class Root {

    private Root() {
    }

    public static void require() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (System.getenv("M365_REQUIRE_ROOT_TESTS") != null) {
            if (!root) {
                throw new AssertionError("M365_REQUIRE_ROOT_TESTS is set but the tests do not run as root");
            }
            return;
        }
        Assumptions.assumeTrue(root, "needs root (mount, chown, setpriv)");
    }

    public static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        if (code != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return code;
    }
}
