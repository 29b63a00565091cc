package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitizenIdentitiesTests {

    private static final String KEY = "k".repeat(16) + "0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final String ID = "0123456789abcdef0123456789abcdef";

    private static CitizenIdentities identities(String key, Instant now) {
        return new CitizenIdentities(new CitizenSettings(key, Duration.ofDays(30), List.of(), List.of(), false), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String value(CitizenIdentities identities, Instant lastSeen) {
        return identities.cookie(ID, lastSeen).getValue();
    }

    @Test
    void aCookieSignedWithTheSameKeyIsAcceptedByAnotherInstance() {
        String cookie = value(identities(KEY, NOW), NOW);
        assertThat(identities(KEY, NOW.plusSeconds(60)).verify(cookie)).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(ID));
    }

    @Test
    void aCookieSignedWithAnotherKeyIsNotAnIdentity() {
        String cookie = value(identities("x".repeat(32), NOW), NOW);
        assertThat(identities(KEY, NOW).verify(cookie)).isEmpty();
    }

    @Test
    void aTamperedCookieIsNotAnIdentity() {
        String cookie = value(identities(KEY, NOW), NOW);
        String otherId = cookie.replace(ID, "f" + ID.substring(1));
        assertThat(identities(KEY, NOW).verify(otherId)).isEmpty();
        String later = cookie.replace("." + NOW.getEpochSecond() + ".", "." + (NOW.getEpochSecond() + 86400) + ".");
        assertThat(identities(KEY, NOW).verify(later)).isEmpty();
        assertThat(identities(KEY, NOW).verify("v1." + ID + ".1.x")).isEmpty();
        assertThat(identities(KEY, NOW).verify("garbage")).isEmpty();
    }

    @Test
    void anIdentityIdleLongerThanTheTimeoutIsNoLongerAccepted() {
        String cookie = value(identities(KEY, NOW), NOW);
        assertThat(identities(KEY, NOW.plus(Duration.ofDays(29))).verify(cookie)).isPresent();
        assertThat(identities(KEY, NOW.plus(Duration.ofDays(31))).verify(cookie)).isEmpty();
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new CitizenSettings("short", Duration.ofDays(1), List.of(), List.of(), false))
                .hasMessageContaining("at least 32 characters");
    }
}
