package dev.m365.store;

import java.io.IOException;

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
            throw new StoreException("The store " + where + " holds no valid connections (" + e.getMessage()
                    + "). Restore it, or remove it and sign in again.");
        }
    }
}
