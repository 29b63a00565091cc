package org.askonce.knowledge.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeIndexed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A background import's stages: stored, then done once the search is rebuilt, or told that it was not; refused with every problem. */
class ImportJobsTests {

    private final KnowledgeTransfer transfer = mock(KnowledgeTransfer.class);
    private final KnowledgeBase knowledgeBase = mock(KnowledgeBase.class);
    private ImportJobs jobs;

    private ImportJobs jobs(long publicationBefore, long publicationAfter) {
        when(knowledgeBase.publication()).thenReturn(publicationBefore, publicationAfter);
        jobs = new ImportJobs(transfer, knowledgeBase);
        return jobs;
    }

    @AfterEach
    void stop() throws InterruptedException {
        jobs.destroy();
    }

    @Test
    void anImportIsDoneOnlyOnceTheSearchIsRebuiltForItsPublication() throws Exception {
        when(transfer.importFrom(eq(Path.of("a.jsonl")), eq("ed"), any())).thenReturn(3);
        ImportJobs jobs = jobs(6, 7);

        String id = jobs.start(Path.of("a.jsonl"), null, "a.jsonl", "ed");
        ImportJobs.Status stored = jobs.await(id, Duration.ofSeconds(10));

        assertThat(stored.stage()).isEqualTo(ImportJobs.Stage.INDEXING);
        assertThat(stored.imported()).isEqualTo(3);
        assertThat(stored.finished()).isFalse();
        jobs.on(KnowledgeIndexed.built(6, 10, 5));
        assertThat(jobs.status(id).orElseThrow().stage()).as("an older publication's index").isEqualTo(ImportJobs.Stage.INDEXING);
        jobs.on(KnowledgeIndexed.built(7, 13, 5));
        assertThat(jobs.status(id).orElseThrow()).satisfies(s -> {
            assertThat(s.stage()).isEqualTo(ImportJobs.Stage.DONE);
            assertThat(s.percent()).isEqualTo(100);
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void anImportWhoseSearchCouldNotBeRebuiltSaysSo() throws Exception {
        when(transfer.importFrom(eq(Path.of("b.jsonl")), eq("ed"), any())).thenReturn(2);
        ImportJobs jobs = jobs(6, 7);

        String id = jobs.start(Path.of("b.jsonl"), null, "b.jsonl", "ed");
        jobs.await(id, Duration.ofSeconds(10));
        jobs.on(KnowledgeIndexed.failed(7, 12, 5, "java.io.IOException: disk full"));

        ImportJobs.Status s = jobs.status(id).orElseThrow();
        assertThat(s.stage()).isEqualTo(ImportJobs.Stage.NOT_INDEXED);
        assertThat(s.finished()).isTrue();
        assertThat(s.imported()).isEqualTo(2);
        assertThat(s.problems()).singleElement().asString().contains("检索重建失败", "disk full", "导入前的答案");
    }

    @Test
    void aRefusedImportEndsWithEveryProblemItWasRefusedFor() throws Exception {
        when(transfer.importFrom(eq(Path.of("c.jsonl")), eq("ed"), any()))
                .thenThrow(new KnowledgeBaseException("c.jsonl 有 2 处问题，什么都没有导入：\n  第2行：不是有效的 JSON\n  第4行：缺少 TASK_NAME（事项名称）"));
        ImportJobs jobs = jobs(6, 6);

        String id = jobs.start(Path.of("c.jsonl"), null, "c.jsonl", "ed");
        ImportJobs.Status s = jobs.await(id, Duration.ofSeconds(10));

        assertThat(s.stage()).isEqualTo(ImportJobs.Stage.FAILED);
        assertThat(s.problems()).containsExactly("c.jsonl 有 2 处问题，什么都没有导入：", "第2行：不是有效的 JSON", "第4行：缺少 TASK_NAME（事项名称）");
        assertThat(jobs.status("no-such-job")).isEmpty();
    }

    @Test
    void aRebuildThatFailedBeforeTheJobWaitedForItIsStillTold() throws Exception {
        when(transfer.importFrom(eq(Path.of("d.jsonl")), eq("ed"), any())).thenReturn(1);
        ImportJobs jobs = jobs(6, 7);
        jobs.on(KnowledgeIndexed.failed(7, 11, 5, "java.lang.OutOfMemoryError"));

        String id = jobs.start(Path.of("d.jsonl"), null, "d.jsonl", "ed");
        jobs.await(id, Duration.ofSeconds(10));

        org.askonce.Eventually.until("the job ends", Duration.ofSeconds(10), () -> jobs.status(id).orElseThrow().finished());
        assertThat(jobs.status(id).orElseThrow().stage()).isEqualTo(ImportJobs.Stage.NOT_INDEXED);
    }
}
