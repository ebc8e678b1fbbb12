package dev.m365.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grant sent to Entra's token endpoint. {@code parameters} holds everything but {@code grant_type} and
 * {@code client_id}, secrets included; {@code toString} shows only their names.
 */
public record TokenRequest(URI tokenUrl, Grant grant, String clientId, Map<String, String> parameters) {

    public enum Grant {
        DEVICE_CODE,
        REFRESH_TOKEN,
        PASSWORD,
        CLIENT_CREDENTIALS,
        AUTHORIZATION_CODE
    }

    public TokenRequest {
        parameters = Map.copyOf(parameters);
    }

    public TokenRequest with(String name, String value) {
        Map<String, String> map = new LinkedHashMap<>(parameters);
        map.put(name, value);
        return new TokenRequest(tokenUrl, grant, clientId, map);
    }

    @Override
    public String toString() {
        return grant + " " + tokenUrl + " client_id=" + clientId + " parameters=" + parameters.keySet();
    }
}
