package org.askonce.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a long reply still to be given, per citizen, for "更多". Short-lived state: in
 * memory for one instance, in Redis when several instances share the work.
 */
interface Continuations {

    /** How long the rest of a reply is kept. */
    Duration KEEP = Duration.ofMinutes(30);

    /** Keeps {@code rest} as what "更多" gives next, replacing anything kept before; an empty rest just drops it. */
    void keep(String appId, String openId, List<String> rest);

    /** The next part, removed from what is kept; empty when nothing is left. */
    Optional<String> next(String appId, String openId);

    void forget(String appId, String openId);
}
