package dev.m365.store;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.m365.connection.StoreData;
import dev.m365.error.StoreException;
import dev.m365.json.Json;

/** Reads a store document of any version this m365 knows, upgrading older ones. */
final class StoreDocuments {

    private StoreDocuments() {
    }

    static StoreData parse(byte[] document, Json json, String where) {
        try {
            JsonNode tree = json.tree(document);
            if (!(tree instanceof ObjectNode object)) {
                throw new IOException("not a JSON object");
            }
            int version = object.path("version").asInt(1);
            if (version > StoreData.CURRENT_VERSION) {
                throw new StoreException("The store " + where + " was written by a newer m365 (format " + version
                        + "). Upgrade m365 to use it; it was left untouched.");
            }
            return json.mapper().treeToValue(StoreMigrations.upgrade(object), StoreData.class);
        } catch (IOException e) {
            throw new StoreException("The store " + where + " holds no valid connections (" + problem(e)
                    + "). Restore it, or remove it and sign in again.");
        }
    }

    /**
     * Where the document went wrong, never what it held: Jackson's own messages quote the offending text, which in
     * a store can be a refresh token or a secret.
     */
    static String problem(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference step : mapping.getPath()) {
                path.append(step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]");
            }
            return "unexpected content at " + path.substring(path.charAt(0) == '.' ? 1 : 0);
        }
        if (e instanceof JsonProcessingException parsing) {
            JsonLocation at = parsing.getLocation();
            return at == null ? "not valid JSON" : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return e.getMessage();
    }
}
