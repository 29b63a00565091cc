package org.askonce.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database as a dependency that can go away: the PostgreSQL pool knows its borrowed connections
 * (so {@link DatabaseWatch} can abort them), and {@code /actuator/health}'s {@code db} component asks
 * the watch, which answers within its probe timeout instead of waiting for a connection that may never come.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    static BeanPostProcessor trackBorrowedConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && !pool.getJdbcUrl().startsWith("jdbc:h2:")) {
                    return new TrackedDataSource(pool);
                }
                return bean;
            }
        };
    }

    /** Replaces Spring Boot's {@code db} check, which waits as long as the pool and the driver let it. */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseWatch watch) {
        return new AbstractHealthIndicator("Database health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                DatabaseWatch.ProbeResult result = watch.check();
                if (result.answered()) {
                    builder.up().withDetail("millis", result.millis());
                } else {
                    builder.down().withDetail("error", result.error());
                }
            }
        };
    }
}
