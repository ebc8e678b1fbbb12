package dev.m365.launch;

/**
 * Raised inside the fast lane when a command needs what only the full application has (the network, a command that
 * changes state): the run starts over in Quarkus with the same arguments. Nothing has been printed or stored by then.
 */
final class HandOver extends RuntimeException {

    HandOver(String why) {
        super(why, null, false, false);
    }
}
