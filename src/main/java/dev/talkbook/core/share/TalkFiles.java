package dev.talkbook.core.share;

import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.store.Notebook;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The files a shared page may show: only the attachments the shared talk holds. Called on the
 * share's threads.
 */
public interface TalkFiles {
  /** A stored file's media type and bytes. */
  record File(String mediaType, byte[] bytes) {}

  /** The attachments (sha256) that this talk holds. */
  Set<String> held(long talkId);

  /** The file stored under this hash, if any. */
  Optional<File> file(String sha256);

  /** No files: attachment links in the notes lead nowhere. */
  TalkFiles NONE =
      new TalkFiles() {
        @Override
        public Set<String> held(long talkId) {
          return Set.of();
        }

        @Override
        public Optional<File> file(String sha256) {
          return Optional.empty();
        }
      };

  /** The attachments stored in a notebook. */
  static TalkFiles of(Notebook notebook) {
    return new TalkFiles() {
      @Override
      public Set<String> held(long talkId) {
        Set<String> held = new HashSet<>();
        for (AttachmentRef ref : notebook.attachments().of(talkId)) {
          held.add(ref.sha256());
        }
        return held;
      }

      @Override
      public Optional<File> file(String sha256) {
        return notebook
            .attachments()
            .find(sha256)
            .map(a -> new File(a.mediaType(), notebook.attachments().bytes(sha256)));
      }
    };
  }
}
