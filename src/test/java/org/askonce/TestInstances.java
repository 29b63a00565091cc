package org.askonce;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole AskOnce instance for tests that need several at once (sharing a database or Redis). */
public final class TestInstances {

    private TestInstances() {
    }

    /** Starts an instance with these properties, given as command-line arguments so that they override application.properties. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(AskOnceApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Closes every instance that was started (null: not started). */
    public static void closeAll(ConfigurableApplicationContext... instances) {
        for (ConfigurableApplicationContext c : instances) {
            if (c != null) {
                c.close();
            }
        }
    }
}
