package org.askonce.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.askonce.TestClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What login throttling must do, on a fresh database migrated by Flyway (H2 and PostgreSQL by the two
 * subclasses): 10 failures per account and (here) 20 per address within 15 minutes, then refusals
 * until the window has passed or an admin unlocks the account.
 */
abstract class LoginThrottleContractTests {

    private static final String HOME = "198.51.100.7";
    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T02:00:00Z"), ZoneOffset.UTC);
    private LoginThrottle throttle;
    private JdbcLoginFailures failures;

    abstract DataSource freshDatabase();

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        failures = new JdbcLoginFailures(JdbcClient.create(dataSource));
        throttle = new LoginThrottle(failures, new LoginSettings(10, 20, Duration.ofMinutes(15)), clock);
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            LoginThrottle.Attempt attempt = throttle.begin(username, address);
            assertThat(attempt.refused()).as("attempt %d of %s", i + 1, username).isFalse();
            throttle.failed(attempt, "wrong username or password");
        }
    }

    @Test
    void tenFailuresAreAllowed() {
        fail("li.na", HOME, 9);
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
    }

    @Test
    void afterTenFailuresTheAccountIsRefusedSayingSoInChinese() {
        fail("li.na", HOME, 10);
        LoginThrottle.Attempt refused = throttle.begin("li.na", HOME);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusal().account()).isTrue();
        assertThat(refused.refusal().message()).startsWith("登录失败次数过多，账号已暂时锁定").contains("请管理员在“用户管理”中解锁");
        assertThat(throttle.isLocked("li.na")).isTrue();
    }

    @Test
    void aLockedAccountIsRefusedFromAnyAddress() {
        fail("li.na", HOME, 10);
        assertThat(throttle.begin("li.na", "203.0.113.50").refused()).isTrue();
    }

    @Test
    void theRefusalSaysHowLongToWaitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 10; i++) {
            fail("li.na", HOME, 1);
            clock.advance(Duration.ofMinutes(1));
        }
        LoginThrottle.Attempt refused = throttle.begin("li.na", HOME); // 10 minutes after the first failure
        assertThat(refused.refusal().retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(refused.refusal().message()).contains("请 5 分钟后再试");
    }

    @Test
    void theLockEndsWhenTheWindowHasPassed() {
        fail("li.na", HOME, 10);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
    }

    @Test
    void refusedAttemptsDoNotProlongTheLock() {
        fail("li.na", HOME, 10);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(2));
            assertThat(throttle.begin("li.na", HOME).refused()).isTrue();
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
    }

    @Test
    void anAdminUnlockLetsTheAccountTryAgainAtOnce() {
        fail("li.na", HOME, 10);
        assertThat(throttle.unlock("li.na", "chief")).as("was locked").isTrue();
        assertThat(throttle.isLocked("li.na")).isFalse();
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsEarlierFailures() {
        fail("li.na", HOME, 9);
        throttle.succeeded(throttle.begin("li.na", HOME));
        fail("li.na", HOME, 9);
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
    }

    @Test
    void usernamesAreComparedIgnoringCase() {
        fail("Li.Na", HOME, 10);
        assertThat(throttle.begin("li.na", HOME).refused()).isTrue();
        assertThat(throttle.lockedUsernames()).containsExactly("li.na");
    }

    @Test
    void failuresForOtherAccountsDoNotLockThisOne() {
        fail("wang.wu", "203.0.113.51", 10);
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
        assertThat(throttle.lockedUsernames()).containsExactly("wang.wu");
    }

    @Test
    void anAddressTryingManyAccountsIsRefusedAtItsOwnLimit() {
        for (int i = 0; i < 20; i++) {
            fail("guess-" + i, HOME, 1);
        }
        LoginThrottle.Attempt refused = throttle.begin("li.na", HOME);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusal().account()).isFalse();
        assertThat(refused.refusal().message()).startsWith("这个网络地址登录失败次数过多");
        assertThat(throttle.begin("li.na", "203.0.113.52").refused()).as("from elsewhere").isFalse();
    }

    @Test
    void guessesSentInParallelCannotSlipPastTheLimit() throws Exception {
        int guesses = 30;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginThrottle.Attempt>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return throttle.begin("li.na", HOME); // all in flight before any password is checked
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<LoginThrottle.Attempt> attempt : attempts) {
                if (!attempt.get().refused()) {
                    checked++;
                }
            }
            assertThat(checked).as("passwords checked of %d parallel guesses", guesses).isBetween(1, 10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAttemptThatCouldNotBeCheckedDoesNotCount() {
        fail("li.na", HOME, 9);
        throttle.abandoned(throttle.begin("li.na", HOME));
        assertThat(throttle.begin("li.na", HOME).refused()).isFalse();
    }

    @Test
    void oldFailuresAreDeletedAsNewOnesComeIn() {
        fail("li.na", HOME, 3);
        clock.advance(Duration.ofMinutes(16));
        fail("wang.wu", HOME, 1);
        assertThat(failures.countUsername("li.na", Instant.EPOCH)).isZero();
    }
}
