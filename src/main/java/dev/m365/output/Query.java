package dev.m365.output;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.error.UsageException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseException;

/** A {@code --query}: a JMESPath expression applied to a command's result before it is formatted. */
public final class Query {

    private final String text;
    private final Expression<JsonNode> expression;

    private Query(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    public static Query parse(String text) {
        JmesPath<JsonNode> jmespath = new JacksonRuntime();
        try {
            return new Query(text, jmespath.compile(text));
        } catch (ParseException e) {
            throw new UsageException("--query '" + text + "' is not a valid JMESPath expression: "
                    + e.getMessage().lines().findFirst().orElse("") + ". See https://jmespath.org.");
        }
    }

    public JsonNode apply(JsonNode input) {
        return expression.search(input);
    }

    @Override
    public String toString() {
        return text;
    }
}
