package org.askonce.webchat;

import java.time.Clock;
import org.askonce.dialogue.Conversations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** The web chat's citizen identities (issued, bound to userIds, checked), its body limit and its admission past capacity. */
@Configuration(proxyBeanMethods = false)
class WebchatConfiguration {

    /** Bodies over 16 KB on the chat API: 413 before they are parsed. */
    @Bean
    FilterRegistrationBean<ChatBodyLimit> chatBodyLimit() {
        FilterRegistrationBean<ChatBodyLimit> registration = new FilterRegistrationBean<>(new ChatBodyLimit());
        registration.addUrlPatterns("/api/chat", "/api/chat/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Past capacity, questions to the chat API: 503 with Retry-After at once (see {@link ChatAdmission}). */
    @Bean
    FilterRegistrationBean<ChatAdmission> chatAdmission(ChatAdmissionSettings settings,
                                                        org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        FilterRegistrationBean<ChatAdmission> registration = new FilterRegistrationBean<>(new ChatAdmission(settings, meters.getIfAvailable()));
        registration.addUrlPatterns("/api/chat", "/api/chat/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    CitizenAccess citizenAccess(CitizenSettings settings, JdbcTemplate jdbc, Conversations conversations) {
        Clock clock = Clock.systemUTC();
        return new CitizenAccess(new CitizenIdentities(settings, clock), new CitizenBindings(jdbc), conversations, settings, clock);
    }
}
