package dev.m365.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.m365.connection.StoreData;

/**
 * Upgrades stores written by older m365 versions, one step per version, on the JSON tree before it is bound. The
 * next write stores the current version; nothing is lost on the way.
 */
final class StoreMigrations {

    private StoreMigrations() {
    }

    /** The current form of {@code tree}; its version must not be newer than {@link StoreData#CURRENT_VERSION}. */
    static ObjectNode upgrade(ObjectNode tree) {
        int version = tree.path("version").asInt(1);
        if (version < 2) {
            // v2: the services' own logins are named as the README names them.
            JsonNode services = tree.remove("services");
            if (services != null) {
                tree.set("serviceLogins", services);
            }
            version = 2;
        }
        tree.put("version", version);
        return tree;
    }
}
