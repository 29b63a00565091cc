package org.askonce.knowledge.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.askonce.knowledge.EditorSettings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import and export for editors, in the console and as an API: a spreadsheet of items (.csv,
 * .xlsx; the template shows the columns), one item's YAML file or the provincial catalogue
 * (.jsonl) in; the whole knowledge base as a spreadsheet out. An import is all-or-nothing, refused
 * with every bad row, and runs in the background with its progress on a page of its own.
 */
@Controller
class TransferController {

    private static final List<String> ACCEPTED = List.of(".csv", ".xlsx", ".yaml", ".yml", ".jsonl");
    /** How long a synchronous API import may take to be stored (the search is rebuilt after, in the background). */
    private static final java.time.Duration STORED = java.time.Duration.ofMinutes(10);

    private final KnowledgeTransfer transfer;
    private final ImportJobs jobs;
    private final EditorSettings settings;

    TransferController(KnowledgeTransfer transfer, ImportJobs jobs, EditorSettings settings) {
        this.transfer = transfer;
        this.jobs = jobs;
        this.settings = settings;
    }

    @GetMapping({"/editor/template.{format}", "/api/editor/template.{format}"})
    ResponseEntity<byte[]> template(@PathVariable String format) {
        return file("askonce-template", format, transfer::template);
    }

    @GetMapping({"/editor/export.{format}", "/api/editor/export.{format}"})
    ResponseEntity<byte[]> export(@PathVariable String format) {
        return file("askonce-knowledge", format, transfer::exportTo); // the item count is not needed here
    }

    /** The console's import runs in the background; its page shows the progress (large files take a while). */
    @PostMapping("/editor/import")
    String importInConsole(@RequestParam("file") MultipartFile file, Principal user, RedirectAttributes flash) {
        try {
            return "redirect:/editor/import/" + startUpload(file, user.getName());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/editor";
        }
    }

    @GetMapping("/editor/import/{job}")
    String importPage(@PathVariable String job, Model model) {
        ImportJobs.Status status = jobs.status(job).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个导入任务：" + job));
        model.addAttribute("job", status);
        model.addAttribute("time", settings);
        return "editor/import";
    }

    /**
     * The import through the API: by default it answers when the import is done (200 with the
     * count, or 400 with every problem); with {@code async=true} it answers 202 at once with the
     * job, whose progress {@code GET /api/editor/import/{job}} tells.
     */
    @PostMapping(path = "/api/editor/import", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> importByApi(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean async,
                                                    Principal user) throws InterruptedException {
        String job;
        try {
            job = startUpload(file, user.getName());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        if (async) {
            return ResponseEntity.accepted().body(Map.of("job", job, "status", "/api/editor/import/" + job));
        }
        ImportJobs.Status status = jobs.await(job, STORED);
        return switch (status.stage()) {
            case FAILED -> ResponseEntity.badRequest().body(Map.of("error", String.join("\n", status.problems()), "problems", status.problems()));
            case INDEXING, DONE, NOT_INDEXED -> ResponseEntity.ok(Map.of("imported", status.imported(), "file", status.file(), "job", job,
                    "notices", status.notices()));
            // not stored yet after the wait: say where to follow it rather than claim a result
            case QUEUED, READING, STORING -> ResponseEntity.accepted().body(Map.of("job", job, "status", "/api/editor/import/" + job,
                    "message", "导入仍在进行（" + status.stage().label() + "），请查询进度"));
        };
    }

    @GetMapping(path = {"/api/editor/import/{job}", "/editor/import/{job}/status"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> importStatus(@PathVariable String job) {
        return jobs.status(job).<ResponseEntity<Map<String, Object>>>map(s -> ResponseEntity.ok(statusJson(s)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "没有这个导入任务：" + job)));
    }

    private static Map<String, Object> statusJson(ImportJobs.Status s) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("job", s.id());
        json.put("file", s.file());
        json.put("stage", s.stage().name());
        json.put("stageLabel", s.stage().label());
        json.put("percent", s.percent());
        json.put("linesRead", s.linesRead());
        json.put("stored", s.stored());
        json.put("total", s.total());
        json.put("imported", s.imported());
        json.put("finished", s.finished());
        json.put("embedded", s.embedded());
        json.put("toEmbed", s.toEmbed());
        json.put("embedding", s.embedding());
        json.put("problems", s.problems());
        json.put("summary", s.summary());
        json.put("details", s.details());
        json.put("notices", s.notices());
        return json;
    }

    /** Checks the upload, keeps it in a folder of its own and starts importing it; returns the job. */
    private String startUpload(MultipartFile file, String user) {
        String name = file.getOriginalFilename() == null ? "" : Path.of(file.getOriginalFilename()).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("请选择要导入的文件（文件不能是空的）");
        }
        if (ACCEPTED.stream().noneMatch(lower::endsWith)) {
            throw new IllegalArgumentException("只能导入 .csv、.xlsx（按模板）、单个事项的 .yaml 或省级事项目录 .jsonl 文件，现在是：" + name);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("askonce-upload");
            Path target = dir.resolve(name.replaceAll("[^\\w.\\-]", "_"));
            file.transferTo(target);
            return jobs.start(target, dir, name, user);
        } catch (IOException e) {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
            throw new UncheckedIOException(e);
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
