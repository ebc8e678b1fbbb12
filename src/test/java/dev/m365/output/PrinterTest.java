package dev.m365.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.m365.json.Json;

/** Each output format, on the same rows. */
class PrinterTest {

    private static final List<Map<String, Object>> ROWS = List.of(
            Map.of("name", "Contoso, Inc.", "id", "1", "tags", Map.of("env", "prod")),
            Map.of("name", "Fabrikam \"Labs\"", "id", "2", "tags", Map.of()));

    private static String print(Object value, OutputFormat format, String query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Printer(new Json(), new PrintStream(out, true, StandardCharsets.UTF_8)).print(value, format,
                Optional.ofNullable(query).map(Query::parse));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableHasAHeaderRuleAndScalarColumnsOnly() {
        String table = print(ROWS, OutputFormat.table, "[].{name:name,id:id,tags:tags}");
        assertThat(table.lines().toList()).first().asString().startsWith("name").contains("id").doesNotContain("tags");
        assertThat(table.lines().toList().get(1)).matches("-+\\s+-+");
        assertThat(table).contains("Contoso, Inc.");
    }

    @Test
    void csvQuotesAsRfc4180AndTsvHasNoHeader() {
        String csv = print(ROWS, OutputFormat.csv, "[].{name:name,id:id}");
        assertThat(csv.lines()).containsExactly("name,id", "\"Contoso, Inc.\",1", "\"Fabrikam \"\"Labs\"\"\",2");
        assertThat(print(ROWS, OutputFormat.tsv, "[].{name:name,id:id}").lines())
                .containsExactly("Contoso, Inc.\t1", "Fabrikam \"Labs\"\t2");
    }

    @Test
    void markdownTextJsonAndNone() {
        assertThat(print(ROWS, OutputFormat.md, "[].{name:name,id:id}")).startsWith("| name | id |\n|---|---|\n");
        assertThat(print(Map.of("connectedAs", "alice"), OutputFormat.text, null).strip()).isEqualTo("connectedAs: alice");
        assertThat(print(ROWS, OutputFormat.json, "[0].id").strip()).isEqualTo("\"1\"");
        assertThat(print(ROWS, OutputFormat.none, null)).isEmpty();
    }

    @Test
    void textFormsKeepTheirSentenceUnlessQueried() {
        TextForm loggedOut = () -> "Logged out";
        assertThat(print(loggedOut, OutputFormat.text, null).strip()).isEqualTo("Logged out");
    }
}
