package dev.m365.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Plays a person at the emulator's device-login page: enters the code, picks a user, approves or declines. */
public final class DeviceLoginPage {

    /** The code in "enter the code ABC123XYZ to authenticate." */
    public static final Pattern CODE = Pattern.compile("enter the code ([A-Z0-9]+)");

    private final String emulatorUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public DeviceLoginPage(String emulatorUrl) {
        this.emulatorUrl = emulatorUrl;
    }

    public String approve(String code, String user) throws IOException, InterruptedException {
        return submit("code=" + enc(code) + "&user=" + enc(user) + "&action=approve");
    }

    public String decline(String code) throws IOException, InterruptedException {
        return submit("code=" + enc(code) + "&action=decline");
    }

    private String submit(String form) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulatorUrl + "/devicelogin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("device login page answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
