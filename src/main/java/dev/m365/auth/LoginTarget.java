package dev.m365.auth;

import java.util.Optional;

import dev.m365.service.M365Service;

/** Where a login is kept: as a main connection ({@code m365 login}) or as one service's own login. */
public sealed interface LoginTarget {

    record Main() implements LoginTarget {
    }

    record Service(M365Service service, Optional<String> argument) implements LoginTarget {
    }
}
