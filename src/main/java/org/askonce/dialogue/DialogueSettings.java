package org.askonce.dialogue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.dialogue.*}: how long a conversation keeps its context, how many unsure replies
 * in a row lead to a hand-off, and the notice shown under answers while the knowledge base is
 * sample data (empty to show none), and the area served: its name (what replies call it) and the
 * place names that belong to it (a question naming another place is not ours).
 */
@ConfigurationProperties("askonce.dialogue")
public record DialogueSettings(
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("2") int unsureLimit,
        @DefaultValue("（示例数据，以官方发布为准）") String notice,
        @DefaultValue("12345") String hotline,
        @DefaultValue("杭州市") String region,
        @DefaultValue({"杭州", "上城", "拱墅", "西湖", "滨江", "萧山", "余杭", "临平", "钱塘", "富阳", "临安", "桐庐", "淳安", "建德"})
        java.util.List<String> localPlaces) {

    public DialogueSettings {
        if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("askonce.dialogue.session-timeout must be positive, was " + sessionTimeout);
        }
        if (unsureLimit < 1) {
            throw new IllegalArgumentException("askonce.dialogue.unsure-limit must be at least 1, was " + unsureLimit);
        }
        notice = notice == null ? "" : notice;
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("askonce.dialogue.region must name the area served, e.g. 杭州市");
        }
        localPlaces = localPlaces == null ? java.util.List.of() : java.util.List.copyOf(localPlaces);
    }

    /** The same settings for another area: its name and the place names that belong to it. */
    public DialogueSettings forRegion(String newRegion, java.util.List<String> places) {
        return new DialogueSettings(sessionTimeout, unsureLimit, notice, hotline, newRegion, places);
    }

    public static DialogueSettings defaults() {
        return new DialogueSettings(Duration.ofMinutes(30), 2, "（示例数据，以官方发布为准）", "12345", "杭州市",
                java.util.List.of("杭州", "上城", "拱墅", "西湖", "滨江", "萧山", "余杭", "临平", "钱塘", "富阳", "临安", "桐庐", "淳安", "建德"));
    }
}
