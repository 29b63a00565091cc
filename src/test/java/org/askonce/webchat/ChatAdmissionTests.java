package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Past capacity the chat API answers 503 with Retry-After at once, stores nothing, and recovers by itself. */
class ChatAdmissionTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChatAdmission admission = new ChatAdmission(new ChatAdmissionSettings(1, Duration.ofMillis(50)), meters);
    private final AtomicInteger reachedTheDialogue = new AtomicInteger();

    private MockHttpServletResponse ask(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat");
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aQuestionPastCapacityGets503WithRetryAfterInChineseAndNeverReachesTheDialogue() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> {
            try {
                return ask((req, res) -> {
                    reachedTheDialogue.incrementAndGet();
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse busy = ask((req, res) -> reachedTheDialogue.incrementAndGet());

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo(ChatAdmission.RETRY_AFTER_SECONDS);
        assertThat(busy.getContentType()).startsWith("application/json");
        assertThat(busy.getContentAsString(StandardCharsets.UTF_8)).contains(ChatAdmission.BUSY).contains("请稍候");
        assertThat(reachedTheDialogue.get()).isEqualTo(1);
        assertThat(meters.counter("askonce.webchat.rejected").count()).isEqualTo(1.0);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        // the load has passed: the next question is answered, nothing to reset
        MockHttpServletResponse after = ask((req, res) -> reachedTheDialogue.incrementAndGet());
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(reachedTheDialogue.get()).isEqualTo(2);
        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void aPlaceIsGivenBackWhenTheDialogueFails() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ask((req, res) -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        // the failure is the dialogue's; the place is free again
        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void readingTheHistoryIsNotAdmittedOrRejected() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/chat/history");
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(request, response, (req, res) -> reachedTheDialogue.incrementAndGet());
        assertThat(reachedTheDialogue.get()).isEqualTo(1);
        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void settingsAreCheckedAndZeroMeansByProcessors() {
        assertThat(new ChatAdmissionSettings(0, Duration.ofSeconds(1)).permits()).isGreaterThanOrEqualTo(8);
        assertThat(new ChatAdmissionSettings(3, Duration.ZERO).permits()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChatAdmissionSettings(-1, Duration.ofSeconds(1)))
                .hasMessageContaining("max-concurrent");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChatAdmissionSettings(1, Duration.ofSeconds(-1)))
                .hasMessageContaining("queue-wait");
    }
}
