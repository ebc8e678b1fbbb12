package dev.m365.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.json.Json;

/**
 * Prints a command's result on stdout: the {@code --query} first, then the format. Nothing else ever writes to
 * stdout. Tables, TSV, CSV and Markdown list an array of objects as rows (one object is one row), with nested values
 * as compact JSON.
 */
public class Printer {

    private final Json json;
    private final PrintStream out;

    public Printer(Json json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    public void print(Object result, OutputFormat format, Optional<Query> query) {
        if (result == null || format == OutputFormat.none) {
            return;
        }
        if (format == OutputFormat.text && query.isEmpty() && result instanceof TextForm form) {
            out.println(form.text());
            out.flush();
            return;
        }
        JsonNode node = result instanceof JsonNode tree ? tree : json.toTree(result);
        if (query.isPresent()) {
            node = query.get().apply(node);
        }
        String text = switch (format) {
            case text -> text(node);
            case table -> table(node);
            case tsv -> rows(node, false, this::tsvCell, "\t");
            case csv -> rows(node, true, Printer::csvCell, ",");
            case md -> markdown(node);
            default -> json.pretty(node);
        };
        if (!text.isEmpty()) {
            out.println(text);
        }
        out.flush();
    }

    /** Objects as aligned "key: value" lines, arrays one item per line (objects separated by a blank line). */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        if (node.isArray()) {
            for (JsonNode item : node) {
                sb.append(sb.length() == 0 ? "" : item.isObject() ? "\n\n" : "\n").append(text(item));
            }
            return sb.toString();
        }
        int width = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            width = Math.max(width, it.next().length());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            sb.append(String.format("%-" + width + "s: %s%n", field.getKey(), cell(field.getValue())));
        }
        return sb.toString().stripTrailing();
    }

    /** As the Azure CLI's table: scalar columns only (nested values belong to json or --query). */
    private static String table(JsonNode node) {
        List<String> columns = columns(node).stream().filter(c -> asRows(node).stream()
                .allMatch(row -> row.path(c).isValueNode() || row.path(c).isMissingNode() || row.path(c).isNull()))
                .toList();
        List<List<String>> rows = cells(node, columns, Printer::cell);
        if (columns.isEmpty()) {
            return String.join("\n", rows.stream().map(r -> r.get(0)).toList());
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, columns, widths);
        List<String> rules = new ArrayList<>();
        for (int w : widths) {
            rules.add("-".repeat(w));
        }
        appendRow(sb, rules, widths);
        rows.forEach(row -> appendRow(sb, row, widths));
        return sb.toString().stripTrailing();
    }

    private static void appendRow(StringBuilder sb, List<String> row, int[] widths) {
        for (int i = 0; i < row.size(); i++) {
            sb.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
        }
        sb.append('\n');
    }

    private String rows(JsonNode node, boolean header, Function<JsonNode, String> format, String separator) {
        List<String> columns = columns(node);
        List<List<String>> rows = cells(node, columns, format);
        StringBuilder sb = new StringBuilder();
        if (header && !columns.isEmpty()) {
            sb.append(String.join(separator, columns.stream().map(c -> format.apply(json.toTree(c))).toList())).append('\n');
        }
        rows.forEach(row -> sb.append(String.join(separator, row)).append('\n'));
        return sb.toString().stripTrailing();
    }

    private static String markdown(JsonNode node) {
        List<String> columns = columns(node);
        if (columns.isEmpty()) {
            return text(node);
        }
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (List<String> row : cells(node, columns, n -> cell(n).replace("|", "\\|"))) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString().stripTrailing();
    }

    /** The union of the rows' keys, in first-seen order; empty for arrays of scalars. */
    private static List<String> columns(JsonNode node) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : asRows(node)) {
            row.fieldNames().forEachRemaining(columns::add);
        }
        return List.copyOf(columns);
    }

    private static List<List<String>> cells(JsonNode node, List<String> columns, Function<JsonNode, String> format) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : asRows(node)) {
            List<String> cells = new ArrayList<>();
            if (columns.isEmpty()) {
                cells.add(format.apply(row));
            } else {
                for (String column : columns) {
                    cells.add(format.apply(row.path(column)));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<JsonNode> asRows(JsonNode node) {
        List<JsonNode> rows = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return rows;
        }
        if (node.isArray()) {
            node.forEach(rows::add);
        } else {
            rows.add(node);
        }
        return rows;
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private String tsvCell(JsonNode value) {
        return cell(value).replace('\t', ' ').replace('\n', ' ');
    }

    private static String csvCell(JsonNode value) {
        String text = cell(value);
        return text.matches(".*[\",\\r\\n].*") || text.startsWith(" ") || text.endsWith(" ")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
