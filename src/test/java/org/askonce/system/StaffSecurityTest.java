package org.askonce.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context of the staff-security tests (login, throttling, CSRF, headers): the
 * mini knowledge base, an in-memory database, the first admin from the settings, a real port and
 * MockMvc. Failures per address are allowed up to 30 here, so that a test of that limit needs fewer
 * attempts; tests that fail logins on purpose do so from their own (documentation-range) address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:security;DB_CLOSE_DELAY=-1",
    "askonce.admin.username=" + StaffSecurityTest.ADMIN,
    "askonce.admin.password=" + StaffSecurityTest.ADMIN_PASSWORD,
    "askonce.security.login.max-failures-per-address=30"})
@AutoConfigureMockMvc
@interface StaffSecurityTest {

    String ADMIN = "first-admin";
    String ADMIN_PASSWORD = "west-lake-admin-key";
}
