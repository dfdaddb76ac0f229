package dev.vigil;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;

/**
 * Server-side view tests with Karibu: the real views and Spring beans, a faked browser. Spring
 * Security's filters do not run here, so a test logs in by setting the security context and the
 * faked request's principal and roles, which is what Vaadin's view access checker reads.
 */
@VigilIntegrationTest
public abstract class KaribuViewTest {

    private static Routes routes;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        Locale.setDefault(Locale.ENGLISH);
        routes = allRoutes();
    }

    /** Every view of Vigil, for Karibu; also for own-context tests that set up Karibu themselves. */
    public static Routes allRoutes() {
        Routes all = new Routes().autoDiscoverViews("dev.vigil");
        // Karibu discovers public views only; ours are package-private, as the house style wants.
        try (ScanResult scan = new ClassGraph().acceptPackages("dev.vigil").enableAnnotationInfo()
                .ignoreClassVisibility().scan()) {
            scan.getClassesWithAnnotation(Route.class).loadClasses(Component.class)
                    .forEach(view -> all.getRoutes().add(view));
        }
        return all;
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    /** Logs in with the given roles as granted (include implied roles, as the login does). */
    protected void login(String username, List<String> roles) {
        var auth = new UsernamePasswordAuthenticationToken(username, "n/a",
                roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }
}
