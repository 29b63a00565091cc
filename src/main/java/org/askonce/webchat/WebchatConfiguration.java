package org.askonce.webchat;

import java.time.Clock;
import org.askonce.dialogue.DialogueEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The web chat's citizen identities: issued, bound to userIds, checked. */
@Configuration(proxyBeanMethods = false)
class WebchatConfiguration {

    @Bean
    CitizenAccess citizenAccess(CitizenSettings settings, JdbcTemplate jdbc, DialogueEngine dialogue) {
        Clock clock = Clock.systemUTC();
        return new CitizenAccess(new CitizenIdentities(settings, clock), new CitizenBindings(jdbc), dialogue, settings, clock);
    }
}
