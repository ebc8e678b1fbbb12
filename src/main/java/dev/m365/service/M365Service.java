package dev.m365.service;

import java.util.Optional;

import dev.m365.config.Cloud;

/**
 * A Microsoft 365 or Azure service m365 signs in to. Each is a CDI bean; {@code m365 <name> login|status|logout} are
 * generated from it, so adding a service means adding one bean.
 */
public interface M365Service {

    /** Command name, e.g. {@code spo}. */
    String name();

    /** Human name, e.g. "SharePoint Online". */
    String title();

    /** What {@code <name> login} takes besides options, if anything (SharePoint: the site URL). */
    default Optional<LoginArgument> loginArgument() {
        return Optional.empty();
    }

    /**
     * The resource (token audience) in {@code cloud}; {@code argument} is what {@code login} was given.
     *
     * @throws dev.m365.error.UsageException when the service does not exist in that cloud or the argument is wrong
     */
    String resource(Cloud cloud, Optional<String> argument);

    /** Whether tokens for {@code resource} are this service's, so its own login (if any) should get them. */
    boolean serves(String resource, Cloud cloud);
}
