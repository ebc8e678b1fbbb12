package dev.m365.service;

/** The positional argument of a service's login command, e.g. SharePoint's site URL. */
public record LoginArgument(String label, String description) {
}
