package org.askonce.knowledge.transfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.askonce.knowledge.ImportProgress;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeEmbedding;
import org.askonce.knowledge.KnowledgeIndexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Imports that run in the background, so a large file (the provincial catalogue: thousands of
 * items) shows its progress instead of holding a request open: queued → reading and checking →
 * storing n of N → rebuilding the search → done (or refused, with every problem; or stored but the
 * search not rebuilt, which the page says). One import runs
 * at a time on this instance, the others wait their turn; the last {@value #KEPT} jobs are kept in
 * memory for their pages.
 */
@Service
public class ImportJobs implements DisposableBean {

    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final KnowledgeTransfer transfer;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "knowledge-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private volatile long indexed;
    /** The latest publication whose rebuild failed, and why. */
    private volatile KnowledgeIndexed lastFailure;

    ImportJobs(KnowledgeTransfer transfer, KnowledgeBase knowledgeBase) {
        this.transfer = transfer;
        this.knowledgeBase = knowledgeBase;
        this.indexed = knowledgeBase.publication();
    }

    /** Where a job is. */
    public enum Stage {
        QUEUED("排队中"), READING("读取和校验"), STORING("写入知识库"), INDEXING("重建检索"), DONE("完成"),
        /** Stored and published, but the search could not be rebuilt: citizens still get the previous answers. */
        NOT_INDEXED("已导入，检索未更新"),
        FAILED("导入失败");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A job as its page shows it: a consistent copy, safe to read on any thread. */
    public record Status(String id, String file, String user, Instant startedAt, Stage stage, int linesRead, int stored, int total,
                         int imported, List<String> problems, List<String> notices, Instant finishedAt, int embedded, int toEmbed) {

        public boolean finished() {
            return stage == Stage.DONE || stage == Stage.NOT_INDEXED || stage == Stage.FAILED;
        }

        /** Whether the imported wordings' sentence vectors are still being computed (search answers from the words meanwhile). */
        public boolean embedding() {
            return toEmbed > 0 && embedded < toEmbed;
        }

        /** The problems without the line that heads them ("x.csv 有 3 处问题，什么都没有导入："): one a cell, for the page's list. */
        public List<String> details() {
            return headed() ? problems.subList(1, problems.size()) : problems;
        }

        /** The line that heads the problems, or empty. */
        public String summary() {
            return headed() ? problems.get(0) : "";
        }

        private boolean headed() {
            return problems.size() > 1 && problems.get(0).endsWith("：");
        }

        /** 0–100: reading counts for the first tenth, storing for the rest up to 95, rebuilding the search to 100. */
        public int percent() {
            return switch (stage) {
                case QUEUED -> 0;
                case READING -> 5;
                case STORING -> total == 0 ? 10 : 10 + (int) (85L * stored / total);
                case INDEXING -> 96;
                case DONE, NOT_INDEXED, FAILED -> 100;
            };
        }
    }

    /**
     * Starts importing {@code file} (owned by the job from now on: deleted, with its folder when that
     * is a temporary upload folder, once the job ends) and returns the job's id.
     */
    public String start(Path file, Path deleteAfter, String displayName, String user) {
        Job job = new Job(UUID.randomUUID().toString(), displayName, user, clock.instant());
        synchronized (jobs) {
            jobs.put(job.id, job);
            // forget the oldest finished jobs (one still running stays, however old)
            var it = jobs.values().iterator();
            while (jobs.size() > KEPT && it.hasNext()) {
                if (it.next().status().finished()) {
                    it.remove();
                }
            }
        }
        // the import runs as the user who started it, so the editor's own publish-right check applies too
        worker.execute(new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(() -> run(job, file, deleteAfter)));
        return job.id;
    }

    public Optional<Status> status(String id) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            return job == null ? Optional.empty() : Optional.of(job.status());
        }
    }

    /**
     * Waits until the job's items are stored or it is refused (not for the search rebuild), at most
     * {@code timeout}; returns its status then.
     */
    public Status await(String id, java.time.Duration timeout) throws InterruptedException {
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            throw new IllegalArgumentException("没有这个导入任务：" + id);
        }
        try {
            job.storedOrRefused.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still running: the status says how far it is
        }
        return job.status();
    }

    private void run(Job job, Path file, Path deleteAfter) {
        try {
            job.stage(Stage.READING);
            int imported = transfer.importFrom(file, job.user, new ImportProgress() {
                @Override
                public void read(int lines) {
                    job.read(lines);
                }

                @Override
                public void stored(int done, int total) {
                    job.stored(done, total);
                }

                @Override
                public void notice(String message) {
                    job.notice(message);
                }
            });
            long publication = knowledgeBase.publication();
            job.imported(imported, publication);
            // the rebuild may have ended before the job got here: its event then found nothing to tell
            KnowledgeIndexed failure = lastFailure;
            if (indexed >= publication) {
                job.indexed(KnowledgeIndexed.built(publication, imported, 0));
            } else if (failure != null && failure.publication() >= publication) {
                job.indexed(failure);
            }
        } catch (KnowledgeBaseException | IllegalArgumentException | org.askonce.accounts.PublishRight.Refused e) {
            job.finish(Stage.FAILED, e.getMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (RuntimeException e) {
            log.error("Import of {} by {} failed", job.file, job.user, e);
            job.finish(Stage.FAILED, List.of("导入出错，什么都没有改变：" + e.getMessage()));
        } finally {
            if (deleteAfter != null) {
                FileSystemUtils.deleteRecursively(deleteAfter.toFile());
            }
        }
    }

    /** The sentence vectors of a publication are being computed: imports that published up to it show how far. */
    @EventListener
    void on(KnowledgeEmbedding event) {
        List<Job> all;
        synchronized (jobs) {
            all = new ArrayList<>(jobs.values());
        }
        all.forEach(job -> job.embedding(event));
    }

    /** The search now answers from this publication: imports that published up to it are done. */
    @EventListener
    void on(KnowledgeIndexed event) {
        if (event.succeeded()) {
            indexed = Math.max(indexed, event.publication());
        } else {
            lastFailure = event;
        }
        List<Job> waiting;
        synchronized (jobs) {
            waiting = new ArrayList<>(jobs.values());
        }
        waiting.forEach(job -> job.indexed(event));
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One import's progress, written by the import thread, read by pages. */
    private static final class Job {
        final String id;
        final String file;
        final String user;
        final Instant startedAt;
        private Stage stage = Stage.QUEUED;
        private int linesRead;
        private int stored;
        private int total;
        private int imported;
        private long publication = Long.MAX_VALUE;
        private List<String> problems = List.of();
        private final List<String> notices = new ArrayList<>();
        private Instant finishedAt;
        private int embedded;
        private int toEmbed;
        /** Completed once the items are stored (the search rebuild may still run) or the import is refused. */
        final java.util.concurrent.CompletableFuture<Void> storedOrRefused = new java.util.concurrent.CompletableFuture<>();

        Job(String id, String file, String user, Instant startedAt) {
            this.id = id;
            this.file = file;
            this.user = user;
            this.startedAt = startedAt;
        }

        synchronized void stage(Stage next) {
            stage = next;
        }

        synchronized void read(int lines) {
            linesRead = lines;
        }

        synchronized void stored(int done, int of) {
            stage = Stage.STORING;
            stored = done;
            total = of;
        }

        synchronized void notice(String message) {
            notices.add(message);
        }

        synchronized void imported(int count, long published) {
            imported = count;
            publication = published;
            stage = Stage.INDEXING;
            storedOrRefused.complete(null);
        }

        synchronized void indexed(KnowledgeIndexed event) {
            if (stage != Stage.INDEXING || publication > event.publication()) {
                return;
            }
            if (event.succeeded()) {
                finish(Stage.DONE, List.of());
            } else {
                finish(Stage.NOT_INDEXED, List.of("检索重建失败（" + event.failure() + "），市民暂时仍得到导入前的答案；"
                        + "下次发布或重启时会再重建。请把这条信息转给管理员。"));
            }
        }

        synchronized void embedding(KnowledgeEmbedding event) {
            if (publication <= event.publication() && (stage == Stage.INDEXING || stage == Stage.DONE)) {
                embedded = event.done();
                toEmbed = event.total();
            }
        }

        synchronized void finish(Stage end, List<String> found) {
            if (finishedAt != null) {
                return;
            }
            stage = end;
            problems = List.copyOf(found);
            finishedAt = Instant.now();
            storedOrRefused.complete(null);
        }

        synchronized Status status() {
            return new Status(id, file, user, startedAt, stage, linesRead, stored, total, imported, problems, List.copyOf(notices), finishedAt,
                    embedded, toEmbed);
        }
    }
}
