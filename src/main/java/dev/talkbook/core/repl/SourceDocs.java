package dev.talkbook.core.repl;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Javadoc of a library's class or member, read from the library's {@code -sources} jar: JShell
 * finds documentation only in the JDK's own {@code src.zip}. The source file is parsed (not
 * compiled) with javac's tree API, the declaration found by name (and, for methods, by the number
 * of parameters), and its comment turned into plain text. Pure but for reading the jar.
 */
public final class SourceDocs {

  private SourceDocs() {}

  /**
   * The documentation of what {@code signature} names, as JShell writes it ({@code java.lang.String
   * demo.Greeting.hello(java.lang.String arg0)}, {@code demo.Greeting}), from {@code sourcesJar};
   * empty when the jar does not document it.
   */
  public static Optional<String> javadoc(Path sourcesJar, String signature) {
    Target target = Target.of(signature);
    if (target == null) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(sourcesJar.toFile())) {
      for (Candidate c : target.candidates()) {
        ZipEntry entry = zip.getEntry(c.file());
        if (entry == null) {
          continue;
        }
        String source;
        try (InputStream in = zip.getInputStream(entry)) {
          source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Optional<String> doc = find(source, c.types(), c.member(), target.parameters());
        if (doc.isPresent()) {
          return doc;
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether {@code jar} holds the class file of the (outermost) class {@code signature} names. */
  public static boolean holdsClassOf(ZipFile jar, String signature) {
    Target target = Target.of(signature);
    if (target == null) {
      return false;
    }
    for (Candidate c : target.candidates()) {
      String classFile = c.file().replaceAll("\\.java$", ".class");
      if (jar.getEntry(classFile) != null) {
        return true;
      }
    }
    return false;
  }

  /** What a signature names: a dotted name, and for a method the number of parameters (else -1). */
  private record Target(String name, int parameters) {

    static Target of(String signature) {
      String s = signature.strip();
      int paren = s.indexOf('(');
      int parameters = -1;
      String head = s;
      if (paren >= 0) {
        head = s.substring(0, paren).strip();
        String params = s.substring(paren + 1, Math.max(paren + 1, s.lastIndexOf(')'))).strip();
        parameters = params.isEmpty() ? 0 : topLevelCommas(params) + 1;
      }
      // The name is the last word: "java.lang.String demo.Greeting.hello" -> demo.Greeting.hello
      String[] words = head.split("\\s+");
      String name = words[words.length - 1].replaceAll("<.*>", "");
      return name.isEmpty() || !name.contains(".") ? null : new Target(name, parameters);
    }

    /** Where the declaration may be: package / outer classes / member, tried in that order. */
    List<Candidate> candidates() {
      String[] parts = name.split("\\.");
      List<Candidate> out = new ArrayList<>();
      // The member is the last part (or none: a type, or a constructor named like its class).
      for (int withMember = 1; withMember >= 0; withMember--) {
        int typeEnd = parts.length - withMember;
        String member = withMember == 1 ? parts[parts.length - 1] : null;
        // The outermost class is the first capitalised part (packages are lower case).
        for (int top = 0; top < typeEnd; top++) {
          if (!Character.isUpperCase(parts[top].charAt(0))) {
            continue;
          }
          String file = String.join("/", java.util.Arrays.copyOfRange(parts, 0, top + 1)) + ".java";
          List<String> types = List.of(java.util.Arrays.copyOfRange(parts, top, typeEnd));
          if (!types.isEmpty()) {
            out.add(new Candidate(file, types, member));
          }
          break;
        }
      }
      return out;
    }
  }

  private record Candidate(String file, List<String> types, String member) {}

  private static int topLevelCommas(String params) {
    int depth = 0;
    int commas = 0;
    for (char c : params.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        commas++;
      }
    }
    return commas;
  }

  private static Optional<String> find(
      String source, List<String> types, String member, int parameters) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Source.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavacTask task =
        (JavacTask)
            javac.getTask(
                new java.io.StringWriter(),
                null,
                d -> {},
                List.of("-proc:none"),
                null,
                List.of(file));
    DocTrees trees = DocTrees.instance(task);
    try {
      for (CompilationUnitTree unit : task.parse()) {
        TreePath[] found = new TreePath[1];
        new TreePathScanner<Void, Integer>() {
          @Override
          public Void visitClass(ClassTree tree, Integer depth) {
            if (found[0] != null
                || depth >= types.size()
                || !tree.getSimpleName().contentEquals(types.get(depth))) {
              return null;
            }
            if (depth == types.size() - 1) {
              if (member == null) {
                found[0] = getCurrentPath();
                return null;
              }
              for (Tree m : tree.getMembers()) {
                TreePath path = new TreePath(getCurrentPath(), m);
                if (m instanceof MethodTree method
                    && (method.getName().contentEquals(member)
                        || (method.getName().contentEquals("<init>")
                            && member.equals(types.get(types.size() - 1))))
                    && (parameters < 0 || method.getParameters().size() == parameters)) {
                  found[0] = path;
                  return null;
                }
                if (m instanceof VariableTree field
                    && field.getName().contentEquals(member)
                    && parameters < 0) {
                  found[0] = path;
                  return null;
                }
              }
              return null;
            }
            return super.visitClass(tree, depth + 1);
          }
        }.scan(unit, 0);
        if (found[0] != null) {
          DocCommentTree doc = trees.getDocCommentTree(found[0]);
          if (doc != null) {
            String text = plain(doc.toString());
            return text.isBlank() ? Optional.empty() : Optional.of(text);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A doc comment as plain text: inline tags as their text, HTML tags gone, blocks kept. */
  static String plain(String comment) {
    String text =
        comment
            .replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
            .replaceAll("\\{@(?:link|linkplain)\\s+([^}\\s]*)(?:\\s+([^}]*))?}", "$1")
            .replaceAll("(?i)<p>|<br\\s*/?>", "\n")
            .replaceAll("(?i)<li>", "\n• ")
            .replaceAll("<[^>]+>", "")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
    return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
  }
}
