package dev.m365.emulator;

import java.util.Map;

/** One request the emulator received, for tests that count network calls. */
public record RecordedRequest(String method, String path, Map<String, String> form, long atMillis) {

    public String grantType() {
        return form.getOrDefault("grant_type", "");
    }
}
