package dev.m365.emulator;

import java.util.Map;

/** One request the emulator received ({@code host} from the Host header), for tests that count network calls. */
public record RecordedRequest(String method, String host, String path, Map<String, String> form, long atMillis) {

    public String grantType() {
        return form.getOrDefault("grant_type", "");
    }
}
