package org.askonce.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import and export for editors, in the console and as an API: a spreadsheet of items (.csv,
 * .xlsx; the template shows the columns) or one item's YAML file in; the whole knowledge base as a
 * spreadsheet out. An import is all-or-nothing, refused with every bad row.
 */
@Controller
class TransferController {

    private static final List<String> ACCEPTED = List.of(".csv", ".xlsx", ".yaml", ".yml");

    private final KnowledgeTransfer transfer;

    TransferController(KnowledgeTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping({"/editor/template.{format}", "/api/editor/template.{format}"})
    ResponseEntity<byte[]> template(@PathVariable String format) {
        return file("askonce-template", format, transfer::template);
    }

    @GetMapping({"/editor/export.{format}", "/api/editor/export.{format}"})
    ResponseEntity<byte[]> export(@PathVariable String format) {
        return file("askonce-knowledge", format, transfer::exportTo); // the item count is not needed here
    }

    @PostMapping("/editor/import")
    String importInConsole(@RequestParam("file") MultipartFile file, Principal user, RedirectAttributes flash) {
        try {
            int n = importUpload(file, user.getName());
            flash.addFlashAttribute("message", "已导入并发布 " + n + " 个事项（" + file.getOriginalFilename() + "）");
        } catch (IllegalArgumentException | KnowledgeBaseException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/editor";
    }

    @PostMapping(path = "/api/editor/import", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> importByApi(@RequestParam("file") MultipartFile file, Principal user) {
        try {
            return ResponseEntity.ok(Map.of("imported", importUpload(file, user.getName()), "file", String.valueOf(file.getOriginalFilename())));
        } catch (IllegalArgumentException | KnowledgeBaseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }

    private int importUpload(MultipartFile file, String user) {
        String name = file.getOriginalFilename() == null ? "" : Path.of(file.getOriginalFilename()).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("请选择要导入的文件");
        }
        if (ACCEPTED.stream().noneMatch(lower::endsWith)) {
            throw new IllegalArgumentException("只能导入 .csv、.xlsx（按模板）或单个事项的 .yaml 文件，现在是：" + name);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("askonce-upload");
            Path target = dir.resolve(name.replaceAll("[^\\w.\\-]", "_"));
            file.transferTo(target);
            return transfer.importFrom(target, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    private interface Writer {
        void write(Path file);
    }

    private static ResponseEntity<byte[]> file(String base, String format, Writer writer) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body(("只有 .csv 和 .xlsx：" + format).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("askonce-download");
            Path file = dir.resolve(base + "." + format);
            writer.write(file);
            byte[] bytes = Files.readAllBytes(file);
            MediaType type = format.equals("csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                    : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(base + "." + format).build().toString())
                    .body(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }
}
