package dev.m365.cli;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.m365.output.TextForm;

/** What {@code status} prints with nothing signed in: {@code Logged out}, or {@code {"loggedIn": false}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedOut(boolean loggedIn, String service) implements TextForm {

    static LoggedOut main() {
        return new LoggedOut(false, null);
    }

    static LoggedOut service(String name) {
        return new LoggedOut(false, name);
    }

    @Override
    public String text() {
        return "Logged out";
    }
}
