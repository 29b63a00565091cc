package org.askonce.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Import and export of the knowledge base in the knowledge-base folder format, for the console,
 * the API and the jar's {@code import} / {@code export} commands. An import is read and validated
 * as a whole first; one bad file and nothing is changed.
 */
@Service
public class KnowledgeTransfer {

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;

    KnowledgeTransfer(KnowledgeBase knowledgeBase, KnowledgeEditor editor) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
    }

    /**
     * Imports a knowledge-base folder, or one item's YAML file, as published versions.
     *
     * @throws KnowledgeBaseException listing every problem (file, field, line) when anything is invalid; nothing is stored then
     */
    public int importFrom(Path source, String user) {
        if (Files.isRegularFile(source)) {
            Path folder = null;
            try {
                folder = Files.createTempDirectory("askonce-import");
                Files.createDirectories(folder.resolve("items"));
                Files.copy(source, folder.resolve("items").resolve(source.getFileName()));
                return editor.importAll(KnowledgeFolder.read(folder), user, source.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (folder != null) {
                    FileSystemUtils.deleteRecursively(folder.toFile());
                }
            }
        }
        if (!Files.isDirectory(source)) {
            throw new KnowledgeBaseException("没有这个文件或文件夹：" + source.toAbsolutePath());
        }
        return editor.importAll(KnowledgeFolder.read(source), user, source.getFileName().toString());
    }

    /** Writes the published knowledge base to a folder (created if needed); returns how many items. */
    public int exportTo(Path folder) {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        KnowledgeFolder.write(snapshot, folder);
        return snapshot.itemCount();
    }
}
