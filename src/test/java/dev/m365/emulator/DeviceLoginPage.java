package dev.m365.emulator;

import static dev.m365.emulator.Exchanges.escape;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/** The page a person opens to enter a device code and sign in as one of the emulator's users. */
final class DeviceLoginPage {

    private DeviceLoginPage() {
    }

    static void handle(EntraEmulator emulator, HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.html(exchange, 200, page(emulator, "", null));
            return;
        }
        String userCode = form.getOrDefault("code", "");
        Optional<DeviceCodes.Code> code = emulator.deviceCodes().byUserCode(userCode);
        if (code.isEmpty()) {
            Exchanges.html(exchange, 400, page(emulator, userCode, "The code '" + userCode + "' is not valid."));
            return;
        }
        if ("decline".equals(form.get("action"))) {
            emulator.decline(userCode);
            Exchanges.html(exchange, 200, done("You declined the sign-in. You may close this window."));
            return;
        }
        Optional<Directory.User> user = emulator.directory().user(form.getOrDefault("user", ""));
        if (user.isEmpty() || !user.get().password().equals(form.getOrDefault("password", user.get().password()))) {
            Exchanges.html(exchange, 400, page(emulator, userCode, "Your account or password is incorrect."));
            return;
        }
        String problem = emulator.approvalProblem(code.get(), user.get());
        if (problem != null) {
            Exchanges.html(exchange, 400, page(emulator, userCode, problem));
            return;
        }
        emulator.approve(userCode, user.get().upn());
        Exchanges.html(exchange, 200, done("Signed in as " + user.get().displayName() + " (" + user.get().upn()
                + "). You may now close this window and return to m365."));
    }

    private static String page(EntraEmulator emulator, String code, String error) {
        StringBuilder users = new StringBuilder();
        for (Directory.User u : emulator.directory().users()) {
            users.append("<option value=\"").append(escape(u.upn())).append("\">").append(escape(u.displayName()))
                    .append(" &lt;").append(escape(u.upn())).append("&gt;</option>");
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Enter code - Entra emulator</title>"
                + "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}label{display:block;margin:.8em 0}"
                + "input,select{width:100%;padding:.4em}.error{color:#a00}</style></head><body>"
                + "<h1>Enter code</h1><p>Enter the code displayed by m365 and sign in as one of the emulator's users.</p>"
                + (error == null ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"/devicelogin\">"
                + "<label>Code <input name=\"code\" id=\"code\" autocomplete=\"off\" value=\"" + escape(code) + "\"></label>"
                + "<label>User <select name=\"user\" id=\"user\">" + users + "</select></label>"
                + "<label>Password (optional here) <input type=\"password\" name=\"password\" id=\"password\"></label>"
                + "<button name=\"action\" value=\"approve\" id=\"approve\">Sign in</button> "
                + "<button name=\"action\" value=\"decline\" id=\"decline\">Decline</button>"
                + "</form></body></html>";
    }

    private static String done(String message) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Entra emulator</title></head><body>"
                + "<p id=\"result\">" + escape(message) + "</p></body></html>";
    }
}
