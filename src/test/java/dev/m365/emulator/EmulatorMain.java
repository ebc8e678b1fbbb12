package dev.m365.emulator;

/** Runs the emulator until Ctrl-C, for trying m365 without a tenant (see README, "Try it offline"). */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8400;
        EntraEmulator emulator = EntraEmulator.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("Entra emulator listening on " + emulator.url());
        System.out.println("Users: " + String.join(", ", emulator.directory().users().stream()
                .map(Directory.User::upn).toList()));
        System.out.println("In another shell:");
        System.out.println("  export AZURE_AUTHORITY_HOST=" + emulator.url() + " M365_CONFIG_DIR=/tmp/m365-emulator");
        System.out.println("  bin/m365 login    # then open " + emulator.url() + "/devicelogin and enter the code");
        Thread.currentThread().join();
    }
}
