package dev.m365.output;

/** A result whose text output is a fixed sentence rather than its fields (e.g. "Logged out"). */
public interface TextForm {

    String text();
}
