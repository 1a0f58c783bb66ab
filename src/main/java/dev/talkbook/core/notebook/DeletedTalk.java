package dev.talkbook.core.notebook;

import java.util.List;

/**
 * Everything a deleted talk took with it, so the deletion can be undone: the talk with its notes,
 * its kept revisions, and the files it had attached (with their bytes, since a file no other talk
 * used was deleted too).
 */
public record DeletedTalk(Talk talk, List<Revision> revisions, List<File> attachments) {
  public DeletedTalk {
    revisions = List.copyOf(revisions);
    attachments = List.copyOf(attachments);
  }

  /** An attached file as the talk knew it. */
  public record File(String sha256, String fileName, String mediaType, byte[] bytes) {}
}
