package org.askonce.handoff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every request of a signed-in agent to the console or the agent API marks them online ({@link AgentPresence}). */
@Configuration
class AgentActivity implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AgentActivity.class);

    private final AgentPresence presence;

    AgentActivity(AgentPresence presence) {
        this.presence = presence;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console", "/console/**", "/api/agent/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Principal user = request.getUserPrincipal();
        if (user != null) {
            try {
                presence.seen(user.getName());
            } catch (RuntimeException e) {
                // being marked online must never cost the agent the page (the database may be failing over)
                log.debug("could not record {} as online: {}", user.getName(), e.toString());
            }
        }
        return true;
    }
}
