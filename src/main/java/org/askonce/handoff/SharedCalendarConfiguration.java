package org.askonce.handoff;

import org.askonce.calendar.WorkingDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar configured with the hand-off settings, offered to other modules (the halls' appointments). */
@Configuration(proxyBeanMethods = false)
class SharedCalendarConfiguration {

    @Bean
    WorkingDays workingDays(HandoffSettings settings) {
        return settings.workingDays();
    }
}
