package dev.vigil.base;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** Request body limits and the JSON parser's read constraints for everything Spring MVC parses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitProperties.class)
class RequestLimitsConfiguration {

    /**
     * Before Spring Security and before {@code FormContentFilter} (-9900), which reads form bodies of PUT
     * and DELETE requests, so no body is read past its limit by anyone.
     */
    private static final int BODY_LIMIT_ORDER = -9950;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(RequestLimitProperties limits) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(limits));
        registration.addUrlPatterns("/api/*", "/v2/*", "/a/*");
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
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
