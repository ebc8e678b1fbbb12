package dev.m365.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.error.ExitCode;
import dev.m365.error.RequestFailedException;
import dev.m365.error.UsageException;
import dev.m365.json.Json;
import dev.m365.request.ServiceErrors;
import dev.m365.request.ServiceRequests;
import dev.m365.system.SecretInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "request", aliases = "rest", mixinStandardHelpOptions = true,
        description = "Send an authenticated request to a Microsoft 365 or Azure API and print the response "
                + "(CLI for Microsoft 365 `request`, Azure CLI `rest`). @graph, @graphbeta and @spo expand to Graph v1.0, "
                + "Graph beta and the tenant's SharePoint URL.")
public class RequestCommand extends M365Subcommand {

    @Option(names = { "--url", "--uri", "-u" }, required = true, paramLabel = "<url>",
            description = "The URL, e.g. @graph/me or https://management.azure.com/subscriptions?api-version=2022-12-01.")
    String url;

    @Option(names = { "-m", "--method" }, paramLabel = "<method>", description = "GET (default), POST, PUT, PATCH, DELETE, HEAD.")
    String method = "GET";

    @Option(names = { "-b", "--body" }, paramLabel = "<body|@file|->", description = "Request body: text, @file, or - for stdin.")
    String body;

    @Option(names = "--header", paramLabel = "<name: value>", description = "A request header; repeatable.")
    List<String> header = new ArrayList<>();

    @Option(names = "--headers", paramLabel = "<k=v ...|json>", arity = "1..*",
            description = "Azure CLI spelling: key=value pairs or a JSON object of headers.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--resource", paramLabel = "<uri|name>",
            description = "Resource to get the token for; default: from the URL's host.")
    String resource;

    @Option(names = "--skip-authorization-header", description = "Send no Authorization header.")
    boolean skipAuthorization;

    @Option(names = "--output-file", paramLabel = "<file>", description = "Write the response body to a file instead.")
    Path outputFile;

    private final ServiceRequests requests;
    private final SecretInput input;
    private final Json json;

    public RequestCommand(Output output, ServiceRequests requests, SecretInput input, Json json) {
        super(output);
        this.requests = requests;
        this.input = input;
        this.json = json;
    }

    @Override
    protected int run() {
        byte[] payload = body == null ? null : body(body);
        Map<String, String> all = headers();
        if (payload != null && all.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
            all.put("Content-Type", "application/json");
        }
        all.putIfAbsent("Accept", "application/json");
        ServiceRequests.Sent sent = requests.send(new ServiceRequests.Spec(url, method, all, payload,
                Optional.ofNullable(resource), skipAuthorization));
        var reply = sent.reply();
        if (!reply.ok()) {
            throw new RequestFailedException(method.toUpperCase(java.util.Locale.ROOT) + " " + sent.url() + " failed: "
                    + reply.status() + " " + ServiceErrors.message(reply, json) + ".");
        }
        if (outputFile != null) {
            try {
                Files.write(outputFile, reply.body());
            } catch (IOException e) {
                throw new UsageException("Cannot write --output-file " + outputFile + ": " + e.getMessage() + ".");
            }
        } else if (reply.body().length > 0) {
            JsonNode tree = reply.isJson() ? parse(reply.text()) : null;
            if (tree != null) {
                output.print(tree);
            } else {
                System.out.write(reply.body(), 0, reply.body().length);
                System.out.flush();
            }
        }
        return ExitCode.OK.code();
    }

    private JsonNode parse(String text) {
        try {
            return json.tree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] body(String value) {
        if (value.equals("-")) {
            return input.readStdin("--body").getBytes(StandardCharsets.UTF_8);
        }
        if (value.startsWith("@")) {
            try {
                return Files.readAllBytes(Path.of(value.substring(1)));
            } catch (IOException e) {
                throw new UsageException("Cannot read --body " + value + ": " + e.getMessage() + ".");
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> headers() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : header) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header '" + h + "' is not 'Name: value'.");
            }
            map.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        String joined = String.join(" ", headers).strip();
        if (joined.startsWith("{")) {
            json.tree(joined).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        } else {
            for (String pair : headers) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--headers '" + pair + "' is not key=value (or give a JSON object).");
                }
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }
}
