package dev.m365.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.m365.error.StoreException;
import dev.m365.json.Json;

/** A damaged store is reported by where it is damaged, never by quoting what it holds. */
class StoreDocumentsTest {

    private static final String SECRET = "1.ARo-refresh-token-that-must-never-be-shown";

    @Test
    void brokenJsonIsReportedByLineAndColumn() {
        String document = "{\"version\": 2, \"connections\": " + SECRET + "}";
        assertThatThrownBy(() -> StoreDocuments.parse(document.getBytes(StandardCharsets.UTF_8), new Json(), "/s"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not valid JSON at line 1, column")
                .hasMessageNotContaining("ARo");
    }

    @Test
    void aValueOfTheWrongShapeIsReportedByItsPath() {
        String document = "{\"version\": 2, \"connections\": {\"a\": {\"credential\": \"" + SECRET + "\"}}}";
        assertThatThrownBy(() -> StoreDocuments.parse(document.getBytes(StandardCharsets.UTF_8), new Json(), "/s"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unexpected content at connections.a.credential")
                .hasMessageNotContaining("ARo");
    }
}
