package org.askonce.wechat;

import io.lettuce.core.ClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.askonce.knowledge.KnowledgeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The channel's texts, its message ledger and the rest of long replies: in Redis when
 * {@code askonce.redis.enabled=true} (with this instance's memory while Redis does not answer), in memory otherwise;
 * the simulator, when on, for this machine only.
 */
@Configuration(proxyBeanMethods = false)
class WechatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WechatConfiguration.class);

    @Bean
    ChannelTexts channelTexts(WechatSettings settings, KnowledgeSettings knowledge) {
        // the knowledge base's own files may be missing (built-in texts, no menu); files named in the settings may not
        requireExisting("askonce.wechat.channel-file", settings.channelFile());
        requireExisting("askonce.wechat.menu-file", settings.menuFile());
        Path channel = settings.channelFile() != null ? settings.channelFile() : knowledge.knowledgeBase().resolve("wechat/channel.yaml");
        Path menu = settings.menuFile() != null ? settings.menuFile() : knowledge.knowledgeBase().resolve("wechat/menu.json");
        ChannelTexts texts = ChannelTexts.read(channel, menu);
        if (Files.exists(channel)) {
            log.info("WeChat channel texts from {}: {} menu topics", channel, texts.topics().size());
        } else {
            log.info("WeChat channel texts: built-in defaults ({} does not exist)", channel);
        }
        if (!Files.exists(menu)) {
            log.info("WeChat menu: none ({} does not exist)", menu);
        }
        return texts;
    }

    private static void requireExisting(String setting, Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(setting + ": no such file " + file.toAbsolutePath());
        }
    }

    /** With the simulator on, its URLs answer loopback requests only ({@link SimulatorLocalOnly}). */
    @Bean
    @ConditionalOnProperty(name = "askonce.wechat.simulator", havingValue = "true")
    FilterRegistrationBean<SimulatorLocalOnly> simulatorLocalOnly() {
        FilterRegistrationBean<SimulatorLocalOnly> registration = new FilterRegistrationBean<>(new SimulatorLocalOnly());
        registration.addUrlPatterns("/wx/simulator", "/wx/simulator/*");
        log.info("WeChat simulator on at /wx/simulator, for requests from this machine only");
        return registration;
    }

    /** Messages that arrive while the database does not answer, kept on this instance until they are answered. */
    @Bean(destroyMethod = "close")
    WechatJournal wechatJournal(WechatSettings settings) {
        return new WechatJournal(settings.journal());
    }

    /** Every use of Redis, with its fallback when Redis does not answer. */
    @Bean
    @ConditionalOnProperty(name = "askonce.redis.enabled", havingValue = "true")
    RedisGuard redisGuard(StringRedisTemplate redis) {
        return new RedisGuard(redis);
    }

    /** Replaces Spring Boot's Redis health check (disabled in application.properties): an instance without Redis still answers. */
    @Bean
    @ConditionalOnProperty(name = "askonce.redis.enabled", havingValue = "true")
    HealthIndicator redisHealthIndicator(RedisGuard guard) {
        return new RedisHealthIndicator(guard);
    }

    /**
     * While Lettuce has no connection to Redis, a command fails at once instead of waiting out its
     * timeout in the reconnect queue: the caller falls back sooner.
     */
    @Bean
    @ConditionalOnProperty(name = "askonce.redis.enabled", havingValue = "true")
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    MessageLedger messageLedger(@Value("${askonce.redis.enabled:false}") boolean redis, ObjectProvider<RedisGuard> guard) {
        if (redis) {
            log.info("WeChat message dedup: Redis (shared by every instance; this instance's memory while Redis does not answer)");
            return new FallbackMessageLedger(guard.getObject(), "askonce:wechat:msg:");
        }
        log.info("WeChat message dedup: in memory (one instance; set askonce.redis.enabled=true to share it)");
        return new InMemoryMessageLedger();
    }

    @Bean
    NonceLedger nonceLedger(@Value("${askonce.redis.enabled:false}") boolean redis, ObjectProvider<RedisGuard> guard) {
        return new NonceLedger(redis ? guard.getObject() : null, java.time.Clock.systemUTC());
    }

    @Bean
    Continuations continuations(@Value("${askonce.redis.enabled:false}") boolean redis, ObjectProvider<RedisGuard> guard) {
        return redis ? new FallbackContinuations(guard.getObject(), "askonce:wechat:more:") : new InMemoryContinuations();
    }
}
