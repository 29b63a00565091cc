package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.askonce.TestClock;
import org.junit.jupiter.api.Test;

/** The in-memory nonce ledger: first, retry and replay within the window, and what it forgets after. */
class NonceLedgerTests {

    private static final Duration TTL = Duration.ofMinutes(10);
    private final TestClock clock = new TestClock(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    private final NonceLedger ledger = new NonceLedger(null, clock);

    @Test
    void theSamePairWithTheSameBodyIsARetryAndWithAnotherBodyAReplay() {
        assertThat(ledger.see("wx1", "1700000000", "n1", "body-a", TTL)).isEqualTo(NonceLedger.Seen.FIRST);
        assertThat(ledger.see("wx1", "1700000000", "n1", "body-a", TTL)).isEqualTo(NonceLedger.Seen.RETRY);
        assertThat(ledger.see("wx1", "1700000000", "n1", "body-b", TTL)).isEqualTo(NonceLedger.Seen.REPLAY);
        assertThat(ledger.see("wx2", "1700000000", "n1", "body-b", TTL)).as("another account").isEqualTo(NonceLedger.Seen.FIRST);
    }

    @Test
    void pairsAreForgottenOnceTheirWindowHasPassedAndOnlyThen() {
        for (int i = 0; i < 1_000; i++) {
            ledger.see("wx1", "1700000000", "n" + i, "body", TTL);
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(ledger.remembered()).isEqualTo(1_000);

        clock.advance(TTL.minusSeconds(50)); // the first half has expired, the rest has not
        ledger.see("wx1", "1700000001", "later", "body", TTL);

        assertThat(ledger.remembered()).isBetween(500, 502);
        assertThat(ledger.see("wx1", "1700000000", "n999", "other", TTL)).as("still within its window").isEqualTo(NonceLedger.Seen.REPLAY);
        assertThat(ledger.see("wx1", "1700000000", "n0", "other", TTL)).as("forgotten: new again").isEqualTo(NonceLedger.Seen.FIRST);
    }

    @Test
    void aPairSeenAgainAfterItsWindowStartsAFreshWindow() {
        ledger.see("wx1", "1700000000", "n1", "body-a", TTL);
        clock.advance(TTL.plusMillis(1));
        assertThat(ledger.see("wx1", "1700000000", "n1", "body-b", TTL)).isEqualTo(NonceLedger.Seen.FIRST);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.see("wx1", "1700000000", "n1", "body-c", TTL)).isEqualTo(NonceLedger.Seen.REPLAY);
        assertThat(ledger.remembered()).isEqualTo(1);
    }
}
