package org.askonce;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application most integration tests share: the mini knowledge base (two items), a web server
 * on a random port and MockMvc, hand-offs taken at any hour, and a first admin ({@link #ADMIN}). Spring
 * starts it once per test JVM; {@link FreshCitizenData} empties what citizens and staff left in its
 * database before each test class, so a class starts as on a new installation. A class that changes
 * the knowledge base (editors, imports) or needs other settings has its own application instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:mini-app;DB_CLOSE_DELAY=-1",
    "askonce.admin.username=" + MiniAppTest.ADMIN,
    "askonce.admin.password=" + MiniAppTest.ADMIN_PASSWORD,
    "askonce.handoff.hours=00:00-23:59",
    "askonce.handoff.workdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
    // every class asks from 127.0.0.1 within the same minutes
    "askonce.rate-limit.address-per-minute=100000"})
@AutoConfigureMockMvc
@ExtendWith(FreshCitizenData.class)
public @interface MiniAppTest {

    String ADMIN = "browser-admin";
    String ADMIN_PASSWORD = "browser-chief-key-1";
}
