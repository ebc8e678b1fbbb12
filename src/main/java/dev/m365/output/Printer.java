package dev.m365.output;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.json.Json;

/** Prints a command's result on stdout in the chosen format; nothing else ever writes to stdout. */
public class Printer {

    private final Json json;
    private final PrintStream out;

    public Printer(Json json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    public void print(Object result, OutputFormat format) {
        if (result == null || format == OutputFormat.none) {
            return;
        }
        if (format == OutputFormat.text) {
            out.println(result instanceof TextForm form ? form.text() : text(json.toTree(result)));
        } else {
            out.println(json.pretty(json.toTree(result)));
        }
        out.flush();
    }

    /** Objects as aligned "key: value" lines, arrays one item per line, nested values as compact JSON. */
    static String text(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        if (node.isArray()) {
            for (JsonNode item : node) {
                sb.append(sb.length() == 0 ? "" : "\n").append(item.isObject() ? text(item) + "\n" : text(item));
            }
            return sb.toString().stripTrailing();
        }
        int width = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            width = Math.max(width, it.next().length());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            sb.append(String.format("%-" + width + "s: %s%n", field.getKey(),
                    value.isValueNode() ? value.asText() : value.toString()));
        }
        return sb.toString().stripTrailing();
    }
}
