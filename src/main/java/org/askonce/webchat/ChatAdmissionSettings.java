package org.askonce.webchat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.webchat.admission.*}: how many questions the chat API answers at once on this
 * instance ({@code max-concurrent}; 0: four per processor, at least eight) and how long a question
 * waits for its turn ({@code queue-wait}) before the API answers 503 with {@code Retry-After}.
 */
@ConfigurationProperties("askonce.webchat.admission")
public record ChatAdmissionSettings(@DefaultValue("0") int maxConcurrent, @DefaultValue("1s") Duration queueWait) {

    public ChatAdmissionSettings {
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("askonce.webchat.admission.max-concurrent must be >= 0 (0: by processors), got "
                    + maxConcurrent);
        }
        if (queueWait == null || queueWait.isNegative()) {
            throw new IllegalArgumentException("askonce.webchat.admission.queue-wait must not be negative, got " + queueWait);
        }
    }

    /** The questions answered at once: the setting, or four per processor (at least eight). */
    int permits() {
        return maxConcurrent > 0 ? maxConcurrent : Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }
}
