package dev.m365.auth;

import java.util.Optional;

/** Method-specific inputs from the command line; empty for methods that need none (device code). */
public record SignInOptions(Optional<String> userName) {

    public static SignInOptions none() {
        return new SignInOptions(Optional.empty());
    }
}
