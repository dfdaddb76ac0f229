package dev.vigil.security.ui;

import java.util.List;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Form login; Spring Security handles the POST to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Vigil")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameter with the minutes to wait after too many failed logins. */
    public static final String LOCKED_MINUTES = "locked";

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        addClassName("vigil-login");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        Paragraph hint = new Paragraph("First start? The admin password is printed once in Vigil's log.");
        hint.addClassName("vigil-hint");
        add(new H1("Vigil"), login, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            parameters.getOrDefault(LOCKED_MINUTES, List.of()).stream().findFirst()
                    .filter(minutes -> minutes.matches("[0-9]{1,4}"))
                    .ifPresent(minutes -> login.setI18n(tooManyAttempts(Integer.parseInt(minutes))));
            login.setError(true);
        }
    }

    /** Says how long to wait, and nothing about whether the username exists. */
    static LoginI18n tooManyAttempts(int minutes) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle("Too many attempts");
        error.setMessage(message(minutes));
        i18n.setErrorMessage(error);
        return i18n;
    }

    /** "Too many attempts — try again in N minutes." */
    public static String message(int minutes) {
        return "Too many attempts — try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
