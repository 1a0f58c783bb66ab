package dev.talkbook.core.notebook;

/** A tag and how many talks carry it (for completion and tag lists). */
public record TagCount(String name, int talks) {}
