package org.askonce;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on the sample knowledge base ({@code knowledge-base/}: 77 items, 12 life events),
 * shared by the test classes that read it without changing it: a web server on a random port and
 * MockMvc. Spring starts it once per test JVM; {@link FreshCitizenData} empties what citizens and
 * staff left in its database before each test class. Classes that edit the sample knowledge base have
 * their own application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:sample-app;DB_CLOSE_DELAY=-1",
    // every class asks from 127.0.0.1 within the same minutes
    "askonce.rate-limit.address-per-minute=100000"})
@AutoConfigureMockMvc
@ExtendWith(FreshCitizenData.class)
public @interface SampleAppTest {
}
