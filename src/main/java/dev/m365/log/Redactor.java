package dev.m365.log;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches stderr: JWTs, secret-bearing form/query parameters, JSON fields and
 * headers, and any literal secret registered for this run (a password read from stdin, a client secret).
 */
public class Redactor {

    private static final String MASK = "***";
    private static final String SECRET_NAMES = "password|client_secret|secret|refresh_token|access_token|id_token"
            + "|client_assertion|assertion|device_code|code_verifier|user_code|federated_token|accessToken"
            + "|refreshToken|token|value";
    private static final List<Replacement> RULES = List.of(
            new Replacement(Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"), "eyJ" + MASK),
            new Replacement(Pattern.compile("(?i)((?:^|[?&\\s])(?:" + SECRET_NAMES + ")=)[^&\\s]+"), "$1" + MASK),
            // Authorization codes are long; error_uri's "code=700016" is not a secret.
            new Replacement(Pattern.compile("((?:^|[?&\\s])code=)[^&\\s]{16,}"), "$1" + MASK),
            new Replacement(Pattern.compile("(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*\")[^\"]*(\")"), "$1" + MASK + "$2"),
            new Replacement(Pattern.compile(
                    "(?im)^((?:authorization|proxy-authorization|x-identity-header|secret|cookie|set-cookie)\\s*:\\s*).+$"),
                    "$1" + MASK),
            new Replacement(Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"), "$1" + MASK),
            new Replacement(Pattern.compile("(https?://[^:/@\\s]+:)[^@/\\s]+@"), "$1" + MASK + "@"));

    private final Set<String> literals = new CopyOnWriteArraySet<>();

    /**
     * Redacts {@code secret} wherever it appears later in this run. Shorter strings would mask ordinary words in
     * messages (Entra passwords and secrets are longer); the structural rules still cover them in requests.
     */
    public void register(String secret) {
        if (secret != null && secret.length() >= 8) {
            literals.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String literal : literals) {
            result = result.replace(literal, MASK);
        }
        for (Replacement rule : RULES) {
            result = rule.pattern.matcher(result).replaceAll(rule.replacement);
        }
        return result;
    }

    private record Replacement(Pattern pattern, String replacement) {
    }
}
