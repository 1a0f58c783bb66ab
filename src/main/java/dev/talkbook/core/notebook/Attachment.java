package dev.talkbook.core.notebook;

/** A stored file, identified by the sha256 of its bytes. */
public record Attachment(String sha256, String mediaType, long size) {}
