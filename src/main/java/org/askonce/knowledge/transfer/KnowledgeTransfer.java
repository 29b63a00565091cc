package org.askonce.knowledge.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.askonce.knowledge.ImportProgress;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.editing.EventEditor;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.FileSystemUtils;

/**
 * Import and export of the knowledge base — the knowledge-base folder format, or a spreadsheet
 * (.csv, .xlsx; {@link SpreadsheetFormat}) of items; in only, the Guangdong provincial catalogue
 * (.jsonl; {@link GuangdongCatalogue}) — for the console,
 * the API and the jar's {@code import} / {@code export} commands. An import is read and validated
 * as a whole first; one bad file and nothing is changed.
 */
@NamedInterface("transfer")
@Service
public class KnowledgeTransfer {

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;
    private final EventEditor events;

    KnowledgeTransfer(KnowledgeBase knowledgeBase, KnowledgeEditor editor, EventEditor events) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.events = events;
    }

    /**
     * Imports a knowledge-base folder, one item's YAML file, a spreadsheet of items or the Guangdong
     * provincial catalogue ({@code .jsonl}) as published versions.
     *
     * @throws KnowledgeBaseException listing every problem (file, field, line) when anything is invalid; nothing is stored then
     */
    @Transactional
    public int importFrom(Path source, String user) {
        return importFrom(source, user, ImportProgress.NONE);
    }

    /**
     * {@link #importFrom(Path, String)}, telling {@code progress} how far it is (for large files). A folder's
     * life events ({@code events/*.yaml}) are published with its items, in the same transaction.
     */
    @Transactional
    public int importFrom(Path source, String user, ImportProgress progress) {
        if (Files.isRegularFile(source) && (spreadsheet(source) || GuangdongCatalogue.accepts(source))) {
            SpreadsheetFormat.Result read = spreadsheet(source) ? SpreadsheetFormat.read(source, knowledgeBase.snapshot())
                    : GuangdongCatalogue.read(source, progress::read);
            if (!read.problems().isEmpty()) {
                throw new KnowledgeBaseException(source.getFileName() + " 有 " + read.problems().size() + " 处问题，什么都没有导入：\n  "
                        + String.join("\n  ", read.problems()));
            }
            progress.read(read.items().size());
            return editor.importAll(new KnowledgeSnapshot(read.items(), java.util.List.of(), Lexicon.EMPTY), user,
                    source.getFileName().toString(), progress);
        }
        if (Files.isRegularFile(source)) {
            Path folder = null;
            try {
                folder = Files.createTempDirectory("askonce-import");
                Files.createDirectories(folder.resolve("items"));
                Files.copy(source, folder.resolve("items").resolve(source.getFileName()));
                return editor.importAll(KnowledgeFolder.read(folder), user, source.getFileName().toString(), progress);
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
        KnowledgeSnapshot read = KnowledgeFolder.read(source);
        if (read.itemCount() == 0 && read.hallFaqs().isEmpty() && read.lexicon().entries().isEmpty()) {
            // a folder may leave out any part, but one with nothing at all is most likely the wrong folder
            throw new KnowledgeBaseException(source.toAbsolutePath() + " 里没有事项（items/*.yaml）、大厅问答（hall-faqs.yaml）"
                    + "或词库（lexicon.yaml），什么都没有导入");
        }
        int imported = editor.importAll(read, user, source.getFileName().toString(), progress);
        int changedEvents = events.importAll(read.events(), user, source.getFileName().toString());
        if (changedEvents > 0) {
            progress.notice(changedEvents + " 件一件事已发布（新增或有修改）");
        }
        return imported;
    }

    /**
     * Writes the published knowledge base: to a {@code .csv} or {@code .xlsx} file (items, one a row),
     * otherwise to a folder in the knowledge-base format (created if needed). Returns how many items.
     */
    public int exportTo(Path target) {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        if (spreadsheet(target)) {
            SpreadsheetFormat.write(snapshot.items(), target);
        } else {
            KnowledgeFolder.write(snapshot, target);
        }
        return snapshot.itemCount();
    }

    /**
     * A template to fill in: the header row and one example row, as .csv or .xlsx. The example is a
     * published item marked as one (编号 示例-…, 事项名称 （示例）…): importing the row unchanged is
     * refused, so it can never create or overwrite an item.
     */
    public void template(Path file) {
        SpreadsheetFormat.write(knowledgeBase.snapshot().items().stream().limit(1).map(SpreadsheetFormat::example).toList(), file);
    }

    private static boolean spreadsheet(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx");
    }
}
