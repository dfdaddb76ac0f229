package dev.vigil.base;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request body limits and the JSON parser's read constraints for everything Spring MVC parses, and the
 * problem bodies for requests refused before Spring MVC sees them (malformed, or refused by Tomcat).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitProperties.class)
class RequestLimitsConfiguration {

    /**
     * Before Spring Security and before {@code FormContentFilter} (-9900), which reads form bodies of PUT
     * and DELETE requests, so no body is read past its limit by anyone.
     */
    private static final int BODY_LIMIT_ORDER = -9950;
    /** Right after the body limit, so a form body is only parsed once it is known to be within it. */
    private static final int MALFORMED_REQUEST_ORDER = -9940;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(RequestLimitProperties limits) {
        return registration(new BodySizeLimitFilter(limits), BODY_LIMIT_ORDER, "/api/*", "/v2/*", "/a/*");
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter() {
        return registration(new MalformedRequestFilter(), MALFORMED_REQUEST_ORDER, "/api/*", "/v2/*", "/a/*");
    }

    /** Only on Tomcat's forward to the error page, and before the security filters that run on it again. */
    @Bean
    FilterRegistrationBean<ErrorPageProblemFilter> errorPageProblemFilter() {
        FilterRegistrationBean<ErrorPageProblemFilter> registration = registration(new ErrorPageProblemFilter(),
                BODY_LIMIT_ORDER, "/error");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }

    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int order, String... paths) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(paths);
        registration.setOrder(order);
        return registration;
    }

    /**
     * Added to the host after Boot's own error report valve (this customizer runs last), so it is the inner
     * one and answers first.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
    }

    /**
     * Boot's own builder with a parser that refuses deep nesting and absurd strings, numbers and names
     * (a 400 problem through {@link ApiProblemHandler}); Boot's customizers are applied as Boot would.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(RequestLimitProperties limits,
            ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonMaxDepth())
                .maxStringLength(limits.jsonMaxStringLength())
                .maxNumberLength(limits.jsonMaxNumberLength())
                .maxNameLength(limits.jsonMaxNameLength())
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
