package org.askonce.wechat;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers which WeChat messages are being or have been handled, so that each is handled once
 * however often WeChat retries it and whichever instance the retry reaches. In memory for one
 * instance, in Redis when several share the work.
 */
interface MessageLedger {

    /** Marks the message as taken; true for the first caller only, until {@code ttl} has passed. */
    boolean claim(String key, Duration ttl);

    /** Records how the message was answered: the passive reply text, or null when none was given (sent later or not needed). */
    void settle(String key, String reply, Duration ttl);

    /** How a claimed message was answered, once it has been; empty while it is still being handled (or unknown). */
    Optional<Settled> settled(String key);

    /** A handled message: {@code reply} is null when WeChat got an empty "success". */
    record Settled(String reply) {
    }
}
