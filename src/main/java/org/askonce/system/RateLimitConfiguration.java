package org.askonce.system;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The rate limiter: counted in Redis when {@code askonce.redis.enabled=true}, in memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitSettings settings, @Value("${askonce.redis.enabled:false}") boolean redis,
                            ObjectProvider<StringRedisTemplate> template) {
        return new RateLimiter(settings, redis ? template.getObject() : null, Clock.systemUTC());
    }
}
