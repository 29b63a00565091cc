package org.askonce.dialogue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When people answer handed-over questions. The hand-off module knows the agents' calendar; the
 * dialogue only needs it to tell a citizen after hours when they will get an answer.
 */
public interface AgentAvailability {

    /** Empty when agents are working now; otherwise when they next start. */
    Optional<ZonedDateTime> nextOpening(Instant now);

    /** Always open: for the evaluation and tests without a calendar. */
    AgentAvailability ALWAYS = now -> Optional.empty();
}
