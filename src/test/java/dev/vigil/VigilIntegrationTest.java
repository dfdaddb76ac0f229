package dev.vigil;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The full application on an in-memory H2 database and a random port. Every test class that uses
 * this annotation shares one cached context, which keeps the suite fast.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vigil-it;DB_CLOSE_DELAY=-1",
        "vigil.data-dir=target/it-data",
        "vigil.demo.enabled=false",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
        // Short locks, so the throttling test sees one end without waiting minutes; every test logs in
        // from 127.0.0.1, so the address limit is out of reach of the suite's deliberate failures.
        "vigil.security.login-throttle.lock=PT10S",
        "vigil.security.login-throttle.max-failures-per-address=500"})
public @interface VigilIntegrationTest {
}
